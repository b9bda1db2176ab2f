/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * FPU state across partition switches: sums a long series whose
 * accumulator (x87, SPARC or RISC-V D register) stays in a register while the partition is switched
 * out many times. Id 1 and 2 sum different series concurrently; id 9 sums both, one after the
 * other, alone - the reference. Lazy switching must make them agree to the last bit. Id 3 checks
 * that it inherits nothing.
 */
#include "tp.h"

#define TERMS 400000

static void series(uint32_t which)
{
    double sum = 0.0, step = which == 1 ? 0.5 : 1.5;

    for (int k = 1; k <= TERMS; k++) {
        sum += step / ((double)k * (double)k + which);
    }
    /* Print the bits: any difference in the last place shows. */
    union {
        double d;
        uint64_t u;
    } bits = {sum};
    tp_printf("series %u = %llx\n", which, (unsigned long long)bits.u);
}

/* The first FPU instruction of a partition must find a clean FPU, not the
 * registers of the partition that used it before. */
#if defined(__sparc__)
static void spy(void)
{
    /* cppcheck-suppress constVariable ; the stores write it */
    static uint32_t image[32] __attribute__((aligned(8)));
    uint32_t dirty = 0;

#define SPY_STD(n) "std %%f" #n ", [%0 + 4 * " #n "]\n\t"
    __asm__ volatile(SPY_STD(0) SPY_STD(2) SPY_STD(4) SPY_STD(6) SPY_STD(8) SPY_STD(10) SPY_STD(12)
                         SPY_STD(14) SPY_STD(16) SPY_STD(18) SPY_STD(20) SPY_STD(22) SPY_STD(24)
                             SPY_STD(26) SPY_STD(28) SPY_STD(30)
                     :
                     : "r"(image)
                     : "memory");
#undef SPY_STD
    for (int i = 0; i < 32; i++)
        dirty |= image[i];
    tp_printf("first FPU use sees clean registers: %s\n", dirty ? "NO" : "yes");
}
#elif defined(__riscv)
static void spy(void)
{
    /* cppcheck-suppress constVariable ; the stores write it */
    static uint64_t image[33];
    uint64_t dirty = 0;

#define SPY_FSD(n) "fsd f" #n ", 8 * " #n "(%0)\n\t"
    __asm__ volatile(
        SPY_FSD(0) SPY_FSD(1) SPY_FSD(2) SPY_FSD(3) SPY_FSD(4) SPY_FSD(5) SPY_FSD(6) SPY_FSD(7)
            SPY_FSD(8) SPY_FSD(9) SPY_FSD(10) SPY_FSD(11) SPY_FSD(12) SPY_FSD(13) SPY_FSD(14)
                SPY_FSD(15) SPY_FSD(16) SPY_FSD(17) SPY_FSD(18) SPY_FSD(19) SPY_FSD(20) SPY_FSD(21)
                    SPY_FSD(22) SPY_FSD(23) SPY_FSD(24) SPY_FSD(25) SPY_FSD(26) SPY_FSD(27)
                        SPY_FSD(28) SPY_FSD(29) SPY_FSD(30) SPY_FSD(31) "frcsr t0\n\tsd t0, 256(%0)"
        :
        : "r"(image)
        : "t0", "memory");
#undef SPY_FSD
    for (int i = 0; i < 33; i++)
        dirty |= image[i];
    tp_printf("first FPU use sees clean registers: %s\n", dirty ? "NO" : "yes");
}
#else
static void spy(void)
{
    /* cppcheck-suppress constVariable ; fxsave writes it */
    static uint8_t image[512] __attribute__((aligned(16)));
    int dirty = 0;

    __asm__ volatile("fxsave %0" : "=m"(image));
    for (int i = 32; i < 288; i++) { /* x87 registers, then XMM0-7 */
        dirty |= image[i];
    }
    tp_printf("first FPU use sees clean registers: %s\n", dirty ? "NO" : "yes");
    /* The control words the kernel's clean state sets (fpu.c): FCW and
     * MXCSR with every exception masked, round to nearest. */
    tp_printf("fcw %x mxcsr %x\n", image[0] | image[1] << 8,
              image[24] | image[25] << 8 | image[26] << 16 | (uint32_t)image[27] << 24);
}
#endif

void pv_main(uint32_t id)
{
    if (id == 3) {
        spy();
        return;
    }
    if (id == 9) {
        series(1);
        series(2);
    } else {
        series(id);
    }
}
