/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer harness over the parser and every check (`make fuzz`).
 *
 * Input: the XML, optionally followed by a NUL byte and the bytes of an ELF
 * image that every partition then gets, so the ELF reader is fuzzed as well.
 * Without an image part a small valid x86 image is used, so that inputs can
 * reach the segment and entry-point checks.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "tcfg.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

struct image {
    const uint8_t *data;
    size_t size;
};

/* ELF32 LSB EM_386, one PT_LOAD r-x of 0x1000 bytes at 0x40000000, entry there. */
static const uint8_t default_image[] = {
    0x7f, 0x45, 0x4c, 0x46, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x02, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,
    0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x34, 0x00,
    0x20, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x40, 0x54, 0x00,
    0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00,
};

static const char *load(void *ctx, const char *name, struct tcfg_image *out)
{
    const struct image *img = ctx;
    if (strcmp(name, "missing.elf") == 0) {
        return "not found";
    }
    out->data = xmalloc(img->size);
    memcpy(out->data, img->data, img->size);
    out->size = img->size;
    out->path = xstrdup("/fuzz/image.elf");
    return NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    xmlInitParser();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t xml_len = nul ? (size_t)(nul - data) : size;
    struct image img = {default_image, sizeof default_image};
    if (nul) {
        img.data = nul + 1;
        img.size = size - xml_len - 1;
    }
    struct tcfg_options opts = {.arch = NULL, .load_image = load, .loader_ctx = &img};
    struct tcfg_diag diag = {NULL};
    struct tcfg_system sys;
    tcfg_load((const char *)data, xml_len, "fuzz.xml", &opts, &diag, &sys);
    tcfg_diag_free(&diag);
    tcfg_free(&sys);
    return 0;
}
