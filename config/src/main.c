/* SPDX-License-Identifier: BSD-2-Clause */
/* tessera-config: the command line around tcfg_load() and tcfg_emit(). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "emit.h"
#include "files.h"
#include "link.h"
#include "schema.h"
#include "tcfg.h"
#include "util.h"

#define MAX_XML (16u << 20)

static const char usage_text[] =
    "usage: tessera-config [--arch x86|sparc|riscv] [--trace CLASSES] [--image-dir DIR]... "
    "--output-dir DIR SYSTEM.xml\n"
    "       tessera-config --check [--arch x86|sparc|riscv] [--trace CLASSES] [--image-dir DIR]... "
    "SYSTEM.xml\n"
    "       tessera-config [--arch x86|sparc] [--trace CLASSES] [--image-dir DIR]...\n"
    "                      [--output-dir DIR] [--kernel-dir KDIR] --image SYSTEM.elf SYSTEM.xml\n"
    "Checks a Tessera system description and generates the kernel's tables:\n"
    "DIR/cfg_tables.c, DIR/cfg_images.S and DIR/cfg.d (see docs/configuration.md).\n"
    "--image also links them with the kernel of an installed SDK into a bootable\n"
    "SYSTEM.elf (KDIR default: BINDIR/../lib/tessera/ARCH/kernel; docs/guest.md).\n"
    "--trace CLASSES records the event classes named (\"all\", or e.g. \"window,hcall\")\n"
    "whether or not the system has a <trace> element.\n";

struct args {
    const char *arch, *output_dir, *xml, *image, *kernel_dir, *trace;
    bool check;
    const char **dirs;
    size_t num_dirs;
};

static int usage(const char *why, const char *what)
{
    if (why) {
        fprintf(stderr, "tessera-config: %s%s\n", why, what ? what : "");
    }
    fputs(usage_text, stderr);
    return 2;
}

/* Accepts "--opt VALUE" and "--opt=VALUE". Returns the value or NULL. */
static const char *value(int argc, char **argv, int *i, const char *opt)
{
    size_t n = strlen(opt);
    if (strncmp(argv[*i], opt, n) != 0) {
        return NULL;
    }
    if (argv[*i][n] == '=') {
        return argv[*i] + n + 1;
    }
    if (argv[*i][n] != 0) {
        return NULL;
    }
    if (*i + 1 >= argc) {
        return "";
    }
    return argv[++*i];
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
    bool options = true;
    a->dirs = xcalloc((size_t)argc, sizeof *a->dirs);
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (options && strcmp(argv[i], "--") == 0) {
            options = false;
        } else if (options && (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)) {
            fputs(usage_text, stdout);
            return 0;
        } else if (options && strcmp(argv[i], "--check") == 0) {
            a->check = true;
        } else if (options && (v = value(argc, argv, &i, "--arch"))) {
            if (!tcfg_arch_find(v)) {
                return usage("unknown architecture: ", v);
            }
            a->arch = v;
        } else if (options && (v = value(argc, argv, &i, "--trace"))) {
            uint32_t mask;
            char *bad = tcfg_trace_classes(v, &mask);
            if (bad) {
                fprintf(stderr, "tessera-config: --trace: unknown class \"%s\"\n", bad);
                free(bad);
                return usage(NULL, NULL);
            }
            if (!mask) {
                return usage("--trace needs at least one class", NULL);
            }
            a->trace = v;
        } else if (options && (v = value(argc, argv, &i, "--image-dir"))) {
            if (!*v) {
                return usage("--image-dir needs a folder", NULL);
            }
            a->dirs[a->num_dirs++] = v;
        } else if (options && (v = value(argc, argv, &i, "--output-dir"))) {
            if (!*v) {
                return usage("--output-dir needs a folder", NULL);
            }
            a->output_dir = v;
        } else if (options && (v = value(argc, argv, &i, "--image"))) {
            if (!*v) {
                return usage("--image needs a file name", NULL);
            }
            a->image = v;
        } else if (options && (v = value(argc, argv, &i, "--kernel-dir"))) {
            if (!*v) {
                return usage("--kernel-dir needs a folder", NULL);
            }
            a->kernel_dir = v;
        } else if (options && argv[i][0] == '-' && argv[i][1]) {
            return usage("unknown option: ", argv[i]);
        } else if (a->xml) {
            return usage("more than one system file: ", argv[i]);
        } else {
            a->xml = argv[i];
        }
    }
    if (!a->xml) {
        return usage("no system file given", NULL);
    }
    if (a->check && (a->output_dir || a->image)) {
        return usage("--check writes nothing: no --output-dir or --image with it", NULL);
    }
    if (!a->check && !a->output_dir && !a->image) {
        return usage("give one of --check, --output-dir and --image", NULL);
    }
    if (a->kernel_dir && !a->image) {
        return usage("--kernel-dir is for --image", NULL);
    }
    return -1;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        return xstrdup(".");
    }
    if (slash == path) {
        return xstrdup("/");
    }
    char *d = xstrdup(path);
    d[slash - path] = 0;
    return d;
}

/* --image: the generated files go to --output-dir, or to a temporary
 * folder removed afterwards. */
static bool emit_and_link(const struct args *a, const struct tcfg_system *sys)
{
    char *kernel_dir =
        a->kernel_dir ? xstrdup(a->kernel_dir) : tcfg_link_default_kernel_dir(sys->arch->name);
    char *temp = a->output_dir ? NULL : tcfg_link_temp_dir();
    const char *out = a->output_dir ? a->output_dir : temp;
    bool ok = kernel_dir && out && tcfg_emit(sys, a->xml, out) &&
              tcfg_link_image(kernel_dir, out, a->image);
    if (temp) {
        tcfg_link_remove_temp_dir(temp);
    }
    free(kernel_dir);
    return ok;
}

static int run(const struct args *a)
{
    uint8_t *xml;
    size_t len;
    const char *why = tcfg_read_file(a->xml, MAX_XML, &xml, &len);
    if (why) {
        fprintf(stderr, "%s: cannot read: %s\n", a->xml, why);
        return 1;
    }
    char *xml_dir = dir_of(a->xml);
    struct tcfg_search search = {.dirs = a->dirs, .num_dirs = a->num_dirs, .xml_dir = xml_dir};
    struct tcfg_options opts = {.arch = a->arch,
                                .trace = a->trace,
                                .load_image = tcfg_load_image_file,
                                .loader_ctx = &search};
    struct tcfg_diag diag = {NULL};
    struct tcfg_system sys;
    bool ok = tcfg_load((const char *)xml, len, a->xml, &opts, &diag, &sys);
    tcfg_diag_print(&diag, stderr);
    if (ok && !a->check) {
        ok = a->image ? emit_and_link(a, &sys) : tcfg_emit(&sys, a->xml, a->output_dir);
    }
    tcfg_diag_free(&diag);
    tcfg_free(&sys);
    free(xml_dir);
    free(xml);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    struct args a = {NULL};
    int rc = parse_args(argc, argv, &a);
    if (rc < 0) {
        xmlCheckVersion(LIBXML_VERSION);
        rc = run(&a);
        tcfg_schema_release();
        xmlCleanupParser();
    }
    free(a.dirs);
    return rc;
}
