/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * 64-bit division for SPARC V8 (LEON3), which GCC calls out of line. Debian's
 * 32-bit sparc libgcc is built for v8plus (it uses 64-bit registers) and
 * faults on LEON3, so the kernel and the partitions link these instead
 * (mk/arch-sparc.mk). Plain shift-and-subtract: at most 64 steps, and a
 * 32-bit divide instruction whenever both operands fit in 32 bits.
 */
#include <stddef.h>
#include <stdint.h>

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t q = 0, r = 0;

    if (d == 0) {
        /* Undefined in C; answer something rather than loop or trap. */
        if (rem) {
            *rem = n;
        }
        return ~0ull;
    }
    if ((n >> 32) == 0 && (d >> 32) == 0) {
        uint32_t n32 = (uint32_t)n, d32 = (uint32_t)d;

        if (rem) {
            *rem = n32 % d32;
        }
        return n32 / d32;
    }
    for (int i = 63; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ull << i;
        }
    }
    if (rem) {
        *rem = r;
    }
    return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
    return __udivmoddi4(n, d, NULL);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;

    __udivmoddi4(n, d, &r);
    return r;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

int64_t __divdi3(int64_t n, int64_t d)
{
    uint64_t q = __udivmoddi4(magnitude(n), magnitude(d), NULL);

    return (int64_t)((n < 0) != (d < 0) ? 0 - q : q);
}

int64_t __moddi3(int64_t n, int64_t d)
{
    uint64_t r;

    __udivmoddi4(magnitude(n), magnitude(d), &r);
    return (int64_t)(n < 0 ? 0 - r : r);
}
