/* SPDX-License-Identifier: BSD-2-Clause */
/* tessera-config --image: the link step of an installed SDK (see link.h). */
#include "link.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

/* What tcfg_emit and link-system write into the output folder. */
static const char *const generated[] = {"cfg_tables.c", "cfg_images.S", "cfg.d", "cfg_tables.o",
                                        "cfg_images.o"};

char *tcfg_link_default_kernel_dir(const char *arch)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        fprintf(stderr, "tessera-config: cannot find its own location (%s): give --kernel-dir\n",
                strerror(errno));
        return NULL;
    }
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) {
        *slash = 0;
    }
    return xasprintf("%s/../lib/tessera/%s/kernel", exe, arch);
}

bool tcfg_link_image(const char *kernel_dir, const char *out_dir, const char *image)
{
    char *script = xasprintf("%s/link-system", kernel_dir);
    struct stat st;
    if (stat(script, &st) != 0) {
        fprintf(stderr,
                "tessera-config: no kernel to link with: %s: %s (install the SDK with make "
                "install, or give --kernel-dir)\n",
                script, strerror(errno));
        free(script);
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", script, out_dir, image, (char *)NULL);
        _exit(127);
    }
    int err = pid < 0 ? errno : 0;
    int status = 0;
    if (err == 0 && waitpid(pid, &status, 0) < 0) {
        err = errno;
    }
    bool ok = err == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (err) {
        fprintf(stderr, "tessera-config: cannot run %s: %s\n", script, strerror(err));
    } else if (!ok) {
        fprintf(stderr, "tessera-config: linking %s failed\n", image);
    }
    if (!ok) {
        unlink(image);
    }
    free(script);
    return ok;
}

char *tcfg_link_temp_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = xasprintf("%s/tessera-config.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "tessera-config: cannot make a folder %s: %s\n", dir, strerror(errno));
        free(dir);
        return NULL;
    }
    return dir;
}

void tcfg_link_remove_temp_dir(char *dir)
{
    for (size_t i = 0; i < sizeof generated / sizeof generated[0]; i++) {
        char *f = xasprintf("%s/%s", dir, generated[i]);
        unlink(f);
        free(f);
    }
    rmdir(dir);
    free(dir);
}
