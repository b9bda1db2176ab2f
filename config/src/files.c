/* SPDX-License-Identifier: BSD-2-Clause */
/* realpath() is an XSI extension of POSIX. */
#define _XOPEN_SOURCE 700

#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

const char *tcfg_read_file(const char *path, size_t max, uint8_t **data, size_t *size)
{
    /* O_NONBLOCK: a FIFO named by mistake must not hang the build. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        return strerror(errno);
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return "not a regular file";
    }
    if ((uintmax_t)st.st_size > max) {
        static char too_large[64];
        close(fd);
        if (max % (1u << 20) == 0) {
            snprintf(too_large, sizeof too_large, "larger than the limit of %zu MiB", max >> 20);
        } else {
            snprintf(too_large, sizeof too_large, "larger than the limit of %zu bytes", max);
        }
        return too_large;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    uint8_t *buf = xmalloc(cap + 1);
    /* Read one byte more than stat promised, to notice a file still growing. */
    for (;;) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0) {
            const char *why = strerror(errno);
            free(buf);
            close(fd);
            return why;
        }
        if (r == 0) {
            break;
        }
        n += (size_t)r;
        if (n == cap) {
            free(buf);
            close(fd);
            return "changed while being read";
        }
    }
    close(fd);
    buf[n] = 0;
    *data = buf;
    *size = n;
    return NULL;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

/* The first candidate that exists wins, even if it then fails to load:
 * silently skipping a broken image in favour of another would surprise. A
 * symbolic link exists even when what it points to does not (lstat), so a
 * dangling link is reported, not passed over. */
static char *find(const struct tcfg_search *s, const char *name)
{
    struct stat st;
    if (name[0] == '/') {
        return xstrdup(name);
    }
    for (size_t i = 0; i < s->num_dirs; i++) {
        char *p = join(s->dirs[i], name);
        if (lstat(p, &st) == 0) {
            return p;
        }
        free(p);
    }
    return join(s->xml_dir, name);
}

const char *tcfg_load_image_file(void *search, const char *name, struct tcfg_image *out)
{
    struct tcfg_search *s = search;
    char *path = find(s, name);
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        int dangling = lstat(path, &st) == 0;
        free(path);
        if (dangling) {
            return "is a symbolic link that points to nothing (the first --image-dir that has "
                   "the name wins)";
        }
        return "not found in any --image-dir nor next to the XML file";
    }
    uint8_t *data;
    size_t size;
    const char *why = tcfg_read_file(path, TCFG_MAX_IMAGE, &data, &size);
    if (why) {
        snprintf(s->why, sizeof s->why, "cannot be read: %s", why);
        free(path);
        return s->why;
    }
    char *abs = realpath(path, NULL);
    free(path);
    if (!abs) {
        snprintf(s->why, sizeof s->why, "cannot be resolved: %s", strerror(errno));
        free(data);
        return s->why;
    }
    out->data = data;
    out->size = size;
    out->path = abs;
    return NULL;
}
