/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hostile state of tests/system/parts/sparc_hostile.c: setting it up
 * for one kernel entry (hostile_run, sparc_hostile_entry.c) and checking
 * what the entry left, with the failures counted per group of checks.
 */
#include <stddef.h>
#include "sparc_hostile.h"

static uint32_t failures;
const char *hostile_what = "";

void fail(const char *fmt, uint32_t a, uint32_t b, uint32_t c)
{
    if (failures++ < 20) {
        tp_printf("FAIL %s, %u windows, sp %08x fp %08x: ", hostile_what, (unsigned)hs.depth + 1,
                  (unsigned)hs.sp, (unsigned)hs.fp);
        tp_printf(fmt, (unsigned)a, (unsigned)b, (unsigned)c);
        tp_printf("\n");
    }
}

/* Sets up hs for one entry: garbage globals and outs, the given pointers
 * (fp 1: the innermost window keeps its real %fp). */
void prepare(uint32_t kind, uint32_t depth, uint32_t sp, uint32_t fp)
{
    hs.kind = kind;
    hs.depth = depth;
    hs.sp = sp;
    hs.fp = fp;
    for (uint32_t i = 0; i < 8; i++) {
        hs.g[i] = 0x6b000000u | (depth << 12) | i;
        hs.o[i] = 0x7c000000u | (depth << 12) | i;
    }
    hs.g[0] = fp == 1;
}

/* Every register as hostile_run left it: the entry may change only %o0
 * (to want_o0). */
void check_registers(uint32_t want_o0)
{
    const uint32_t *d = hs.dump;
    uint32_t fp = hs.g[0] ? hs.real_fp : hs.fp;

    for (uint32_t i = 1; i < 8; i++) {
        if (d[i] != hs.g[i]) {
            fail("%%g%u = %08x, not %08x", i, d[i], hs.g[i]);
        }
    }
    if (d[8] != want_o0) {
        fail("%%o0 = %08x, not %08x", d[8], want_o0, 0);
    }
    for (uint32_t i = 1; i < 6; i++) {
        if (d[8 + i] != hs.o[i]) {
            fail("%%o%u = %08x, not %08x", i, d[8 + i], hs.o[i]);
        }
    }
    if (d[14] != hs.sp) {
        fail("%%sp = %08x, not %08x", d[14], hs.sp, 0);
    }
    if (d[15] != (uint32_t)(uintptr_t)hs.dump) {
        fail("%%o7 = %08x, not %08x", d[15], (uint32_t)(uintptr_t)hs.dump, 0);
    }
    if (d[30] != fp) {
        fail("%%fp = %08x, not %08x", d[30], fp, 0);
    }
    for (uint32_t k = hs.depth + 1, w = 0; k-- > 0; w++) {
        const uint32_t *r = w == 0 ? d + 16 : hs.win[w - 1];

        for (uint32_t i = 0; i < 14; i++) {
            if (r[i] != PATTERN(k) + i) {
                fail("window %u register %u = %08x", k, i, r[i]);
            }
        }
    }
}

void report(const char *name)
{
    tp_printf("%s: %s\n", name, failures ? "FAILED" : "ok");
    failures = 0;
}
