/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The RAM size from the device tree QEMU virt leaves in RAM (a1 at the
 * start): the "reg" of the /memory node that begins at RAM_PA. Only what
 * virt writes is understood (#address-cells = #size-cells = 2). Runs in
 * M-mode at physical addresses (mstart.c), so it refers to no kernel data
 * and has no switch (a jump table would hold link addresses).
 */
#include "riscv.h"
#include "riscv_mstart.h"

#define FDT_MAGIC      0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE   2u
#define FDT_PROP       3u
#define FDT_NOP        4u
#define FDT_HEADER     40u
#define FDT_MAX_SIZE   0x100000u /* QEMU's tree is a few KiB: anything larger is wrong */

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const uint8_t *p)
{
    return (uint64_t)be32(p) << 32 | be32(p + 4);
}

/* The length of the string at p, NUL included, or 0 if none ends before end. */
static uint32_t string_size(const uint8_t *p, const uint8_t *end)
{
    for (const uint8_t *q = p; q < end; q++) {
        if (*q == 0) {
            return (uint32_t)(q - p) + 1;
        }
    }
    return 0;
}

static int has_prefix(const uint8_t *s, const char *prefix)
{
    while (*prefix) {
        if (*s++ != (uint8_t)*prefix++) {
            return 0;
        }
    }
    return 1;
}

uint64_t riscv_fdt_ram_size(const void *blob)
{
    const uint8_t *b = blob, *p, *end, *strings, *strings_end;
    int depth = 0, in_memory = 0;

    if (!b || ((uintptr_t)b & 3) || be32(b) != FDT_MAGIC || be32(b + 4) > FDT_MAX_SIZE ||
        be32(b + 8) + (uint64_t)be32(b + 36) > be32(b + 4) ||
        be32(b + 12) + (uint64_t)be32(b + 32) > be32(b + 4)) {
        return 0;
    }
    p = b + be32(b + 8);
    end = p + be32(b + 36);
    strings = b + be32(b + 12);
    strings_end = strings + be32(b + 32);
    while (p + 4 <= end) {
        uint32_t token = be32(p);

        p += 4;
        if (token == FDT_BEGIN_NODE) {
            uint32_t n = string_size(p, end);

            if (!n) {
                return 0;
            }
            depth++;
            in_memory = depth == 2 && has_prefix(p, "memory@");
            p += (n + 3) & ~3u;
        } else if (token == FDT_END_NODE) {
            in_memory = 0;
            depth--;
        } else if (token == FDT_PROP && p + 8 <= end) {
            uint32_t len = be32(p), name = be32(p + 4);

            p += 8;
            if (len > (uint64_t)(end - p) || name >= (uint64_t)(strings_end - strings)) {
                return 0;
            }
            if (in_memory && len >= 16 && string_size(strings + name, strings_end) == 4 &&
                has_prefix(strings + name, "reg") && be64(p) == RAM_PA) {
                return be64(p + 8);
            }
            p += (len + 3) & ~3u;
        } else if (token != FDT_NOP) {
            return 0;
        }
    }
    return 0;
}
