/* SPDX-License-Identifier: BSD-2-Clause */
/* The layout the hypercall fuzzer and its systems share
 * (tests/system/systems/fuzz*.xml): the fuzzer's own areas, who is who, and
 * where the kernel and the victim are. */
#ifndef FUZZER_H
#define FUZZER_H

#include <pv/pv.h>

#define FUZZ_ID   1 /* the fuzzer (a system partition: it reaches every call) */
#define SPIN_ID   2 /* the reference run's quiet neighbour, same image */
#define VICTIM_ID 3

#define CODE_VA  0x40000000u
#define CODE_LEN 0x10000u
#define DATA_VA  0x40100000u
#define DATA_LEN 0x10000u
#define RO_VA    0x40200000u /* read-only */
#define RO_LEN   0x1000u
#define SCR_VA   0x40300000u /* scratch: the kernel may write here */
#define SCR_LEN  0x2000u
#define SCR2_VA  0x40302000u /* adjacent to scratch: ranges may not span both */
#define SCR2_LEN 0x1000u
#define KEEP_VA  0x40400000u /* shared="yes": survives cold restarts */
#define KEEP_LEN 0x1000u

#define VICTIM_VA 0x48000000u /* the victim's pattern area */

#if defined(__sparc__)
#define KERNEL_VA    0xf0000000u
#define VICTIM_PHYS  0x41100000u /* RAM starts at 0x40000000 */
#define UPCALL_BELOW PV_UPCALL_STACK_FRAME
#elif defined(__riscv)
#define KERNEL_VA    0xffffffff80000000ul /* the kernel as linked, Sv39's upper half */
#define VICTIM_PHYS  0x81100000u          /* RAM starts at 0x80000000 */
#define UPCALL_BELOW 0u
#else
#define KERNEL_VA    0xc0000000u
#define VICTIM_PHYS  0x01100000u
#define UPCALL_BELOW 0u
#endif

/* The reference neighbour spins this many of its windows. */
#ifndef SPIN_WINDOWS
#define SPIN_WINDOWS 2000u
#endif

/* ---- what the fuzzer's files share (fuzzer.c issues and checks, fuzz_gen.c
 * draws calls, fuzz_faults.c causes faults and restarts) ---- */

#define FZ_R 1u
#define FZ_W 2u
#define FZ_X 4u

/* The state that survives faults and restarts, in the area "keep". */

struct rec {
    uint32_t n;
    int32_t ret;
    pv_word_t nr, a[5]; /* as the registers carried them */
};

#define RING 16

struct keep {
    uint32_t magic, seed;
    uint32_t rng[4]; /* xoshiro128** */
    uint32_t calls, faults, caught, upcalls, hm_async, restarts_asked, hm_restarts_asked;
    uint32_t findings, unexpected, boots, expect_fault, last_error, hm_seen;
    uint32_t mask;
    int32_t ports[5]; /* handles of QS, QD, SS, SD (and -1) */
    uint32_t ring_pos;
    struct rec ring[RING];
};

#define K ((volatile struct keep *)KEEP_VA)

/* ---- one hypercall ---- */

struct call {
    pv_word_t nr, a[5]; /* register words: 64 bits on RISC-V */
    /* Pointer arguments the oracle checks: range, rights needed. */
    uint32_t np, rights[3];
    pv_word_t p[3], len[3];
    int oracle_exact; /* the result is PV_OK iff every range is valid */
    int hostile;      /* x86: enter with DF set and null data segments */
};

/* fuzz_gen.c: the seeded generator and the calls it draws. */
uint32_t rnd(void);
uint32_t below(uint32_t n);
void seed_rng(uint32_t seed);
int range_ok(pv_word_t p, pv_word_t len, uint32_t rights);
void build(struct call *c);
/* A random upcall frame at p (in scratch) for upcall_return to resume. */
void craft_frame(pv_word_t p);

/* The most restarts the health monitor is asked for: max-restarts in the
 * XML is 1000, and the restart-loop action would halt the fuzzer. */
#define HM_RESTARTS_MAX 900

/* fuzz_faults.c: a fault of a random class, control-page writes, a restart
 * of itself by one of its routes. */
void fault(void);
void scribble(void);
void restart(void);

/* fuzzer.c: issues c, records it and checks its result; fault_resume goes
 * on with the loop on a fresh stack (the top of __stack_top). */
void issue(struct call *c);
void fault_resume(void);
extern char __stack_top[];

#endif
