/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 only: the victim of the FPU scan. It owns the FPU (fpu="yes"), puts
 * a known pattern into every MMX (so every x87) and XMM register, and then
 * only watches them: in each of its windows it saves the FPU state and
 * compares it with the state it set. Any difference was made by someone
 * else. The pattern words all begin with FPU_MAGIC, which the scanning
 * partition looks for in whatever it can read.
 */
#include "tp.h"
#include "fpupattern.h"

#define WATCH_WINDOWS 1000
#define GAP_NS        20000

static uint8_t want[512] __attribute__((aligned(16)));
static uint8_t got[512] __attribute__((aligned(16)));

static void load_pattern(void)
{
    static uint32_t words[4] __attribute__((aligned(16)));

#define LOAD(n)                                                                                    \
    words[0] = words[1] = FPU_MAGIC | 0x00 | (n);                                                  \
    words[2] = words[3] = FPU_MAGIC | 0x10 | (n);                                                  \
    __asm__ volatile("movq %0, %%mm" #n "\n\tmovdqa %0, %%xmm" #n : : "m"(words) : "memory")
    LOAD(0);
    LOAD(1);
    LOAD(2);
    LOAD(3);
    LOAD(4);
    LOAD(5);
    LOAD(6);
    LOAD(7);
#undef LOAD
}

/* The bytes of an FXSAVE image that hold register contents and the
 * control/status words: FCW, FSW, FTW, MXCSR, ST/MM0-7, XMM0-7. */
static int same_registers(void)
{
    for (int i = 0; i < 288; i++) {
        if (i >= 6 && i < 24) {
            continue; /* last instruction and operand pointers */
        }
        if (i >= 28 && i < 32) {
            continue; /* MXCSR_MASK: a constant of the CPU */
        }
        if (want[i] != got[i]) {
            return 0;
        }
    }
    return 1;
}

void pv_main(uint32_t id)
{
    uint32_t windows = 0, intact = 0, first_bad = 0;
    uint64_t prev;

    (void)id;
    load_pattern();
    __asm__ volatile("fxsave %0" : "=m"(want));
    tp_printf("watching the FPU registers\n");
    prev = tp_now();
    while (windows < WATCH_WINDOWS) {
        uint64_t now = tp_now();
        if (now - prev > GAP_NS) {
            windows++;
            __asm__ volatile("fxsave %0" : "=m"(got));
            if (same_registers()) {
                intact++;
            } else if (!first_bad) {
                first_bad = windows;
            }
        }
        prev = now;
    }
    tp_printf("windows=%u intact=%u first-changed=%u\n", windows, intact, first_bad);
}
