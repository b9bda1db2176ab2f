/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 (32-bit) binding of the hypercall trap.
 *
 * A hypercall is `int $0x80` from ring 3: %eax holds the number, %ebx, %ecx,
 * %edx, %esi, %edi the arguments in order; the result comes back in %eax.
 * All other registers are preserved. This is the only arch-specific part of
 * the guest library.
 */
#ifndef PV_ARCH_X86_H
#define PV_ARCH_X86_H

#include <stdint.h>

#define PV_ARCH_TRAP_VECTOR 0x80

static inline int32_t pv_hcall0(uint32_t nr)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr) : "memory");
    return ret;
}

static inline int32_t pv_hcall1(uint32_t nr, uint32_t a0)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a0) : "memory");
    return ret;
}

static inline int32_t pv_hcall2(uint32_t nr, uint32_t a0, uint32_t a1)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a0), "c"(a1) : "memory");
    return ret;
}

static inline int32_t pv_hcall3(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a0), "c"(a1), "d"(a2) : "memory");
    return ret;
}

static inline int32_t pv_hcall5(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3,
                                uint32_t a4)
{
    int32_t ret;
    __asm__ volatile("int $0x80"
                     : "=a"(ret)
                     : "a"(nr), "b"(a0), "c"(a1), "d"(a2), "S"(a3), "D"(a4)
                     : "memory");
    return ret;
}

#endif
