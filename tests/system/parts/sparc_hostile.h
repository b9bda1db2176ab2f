/* SPDX-License-Identifier: BSD-2-Clause */
/* What sparc_hostile.c (the checks) and sparc_hostile_entry.c (hostile_run,
 * the assembly that sets up the hostile state and enters the kernel) share:
 * the test areas, the kinds of entry and the state hostile_run works on. */
#ifndef SPARC_HOSTILE_H
#define SPARC_HOSTILE_H

#include <stddef.h>
#include "tp.h"

#define VICTIM_ID  3
#define HALT_AT_NS 250000000ull /* when H and the reference halt V */

/* The test areas (tests/system/systems/sparc-hostile*.xml). */
#define DATA_END 0x40110000u /* the data area: 64 KiB from 0x40100000 */
#define A_VA     0x40300000u /* rw, 4 KiB */
#define B_VA     0x40301000u /* rw, 8 KiB, right after A: another area */
#define B_END    0x40303000u
#define R_VA     0x40400000u /* r, 4 KiB */
#define X_VA     0x40500000u /* rx, 4 KiB, never loaded: zero words */
#define XW_VA    0x40501000u /* rw, 4 KiB, right after X */

/* The kinds of entry (macros: the asm below uses them too). */
#define HCALL 0
#define SPIN  1
#define FLUSH 2
#define SPILL 3
#define FAULT 4
#define LOAD  5

/* What hostile_run does and what it found; the offsets are the asm's. */
struct hstate {
    uint32_t kind, depth; /* depth: windows patterned above the first, 0..6 */
    uint32_t sp, fp;      /* the innermost window's %sp and %fp */
    uint32_t g[8];        /* %g1-%g7 (g[0] unused); g1: number, or a good stack */
    uint32_t o[8];        /* %o0-%o5 (o[6], o[7] unused) */
    uint32_t real_sp, real_fp;
    uint32_t saved_g[8]; /* the caller's globals */
    uint32_t dump[32];   /* the innermost window after: g, o, l, i */
    uint32_t win[7][16]; /* the older windows after, innermost first: l, i */
};

#define HS_KIND    0
#define HS_DEPTH   4
#define HS_SP      8
#define HS_FP      12
#define HS_G       16
#define HS_O       48
#define HS_REAL_SP 80
#define HS_REAL_FP 84
#define HS_SAVED_G 88
#define HS_DUMP    120
#define HS_WIN     248

_Static_assert(offsetof(struct hstate, g) == HS_G, "HS_G");
_Static_assert(offsetof(struct hstate, o) == HS_O, "HS_O");
_Static_assert(offsetof(struct hstate, real_sp) == HS_REAL_SP, "HS_REAL_SP");
_Static_assert(offsetof(struct hstate, saved_g) == HS_SAVED_G, "HS_SAVED_G");
_Static_assert(offsetof(struct hstate, dump) == HS_DUMP, "HS_DUMP");
_Static_assert(offsetof(struct hstate, win) == HS_WIN, "HS_WIN");

extern struct hstate hs;

#define STR_(x) #x
#define STR(x)  STR_(x)
/* Window k's locals are PATTERN(k) + 0..7, its %i0-%i5 PATTERN(k) + 8..13
 * (%i6/%i7 are the frame and return address and stay). */
#define PATTERN(k) (0x5a000000u | ((uint32_t)(k) << 8))

void hostile_run(void);

/* sparc_hostile_state.c: what the checks are doing (for the failure
 * lines); a failure, printed (the first 20 of a group) and counted; hs
 * set up for one entry of kind with depth + 1 windows and the given
 * pointers (fp 1: the innermost window keeps its real %fp); the registers
 * hostile_run dumped checked (the entry may change only %o0, to want_o0);
 * a group's result line, its failure count reset. */
extern const char *hostile_what;
void fail(const char *fmt, uint32_t a, uint32_t b, uint32_t c);
void prepare(uint32_t kind, uint32_t depth, uint32_t sp, uint32_t fp);
void check_registers(uint32_t want_o0);
void report(const char *name);

#endif
