/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * FPU state across partition switches: sums a long series whose x87
 * accumulator stays in a register while the partition is switched out many
 * times. Id 1 and 2 sum different series concurrently; id 9 sums both, one
 * after the other, alone - the reference. Lazy switching must make them
 * agree to the last bit.
 */
#include "tp.h"

#define TERMS 400000

static void series(uint32_t which)
{
    double sum = 0.0, step = which == 1 ? 0.5 : 1.5;

    for (int k = 1; k <= TERMS; k++)
        sum += step / ((double)k * (double)k + which);
    /* Print the bits: any difference in the last place shows. */
    union {
        double d;
        uint64_t u;
    } bits = {sum};
    tp_printf("series %u = %llx\n", which, (unsigned long long)bits.u);
}

void pv_main(uint32_t id)
{
    if (id == 9) {
        series(1);
        series(2);
    } else {
        series(id);
    }
}
