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
#include <pv/layout.h>
#include <pv/word.h>

#define PV_ARCH_TRAP_VECTOR 0x80

/* Where the control page (struct pv_shared) is mapped in every partition. */
#define PV_SHARED_VA 0xf0000000u

/*
 * The upcall frame. To deliver virtual interrupts the kernel pushes this on
 * the partition's stack, below the interrupted %esp, and continues at the
 * registered entry with %esp = %eax = the frame's address and virtual
 * interrupts disabled. PV_HC_UPCALL_RETURN(frame) resumes the saved context
 * (of EFLAGS only the arithmetic flags and DF come back; the kernel keeps
 * interrupts on and IOPL 0).
 */
struct pv_upcall_frame {
    uint32_t lines; /* the lines delivered (bit n = line n), already cleared from pending */
    uint32_t edi, esi, ebp, ebx, edx, ecx, eax;
    uint32_t eip;
    uint32_t eflags;
    uint32_t esp; /* the interrupted stack pointer */
};

PV_ASSERT_SIZE(struct pv_upcall_frame, 44);
PV_ASSERT_OFFSET(struct pv_upcall_frame, lines, 0);
PV_ASSERT_OFFSET(struct pv_upcall_frame, edi, 4);
PV_ASSERT_OFFSET(struct pv_upcall_frame, esi, 8);
PV_ASSERT_OFFSET(struct pv_upcall_frame, ebp, 12);
PV_ASSERT_OFFSET(struct pv_upcall_frame, ebx, 16);
PV_ASSERT_OFFSET(struct pv_upcall_frame, edx, 20);
PV_ASSERT_OFFSET(struct pv_upcall_frame, ecx, 24);
PV_ASSERT_OFFSET(struct pv_upcall_frame, eax, 28);
PV_ASSERT_OFFSET(struct pv_upcall_frame, eip, 32);
PV_ASSERT_OFFSET(struct pv_upcall_frame, eflags, 36);
PV_ASSERT_OFFSET(struct pv_upcall_frame, esp, 40);

/* The user-readable counter the shared page's clock fields scale: the TSC. */
static inline uint64_t pv_arch_counter(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static inline int32_t pv_hcall0(pv_word_t nr)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr) : "memory");
    return ret;
}

static inline int32_t pv_hcall1(pv_word_t nr, pv_word_t a0)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a0) : "memory");
    return ret;
}

static inline int32_t pv_hcall2(pv_word_t nr, pv_word_t a0, pv_word_t a1)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a0), "c"(a1) : "memory");
    return ret;
}

static inline int32_t pv_hcall3(pv_word_t nr, pv_word_t a0, pv_word_t a1, pv_word_t a2)
{
    int32_t ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a0), "c"(a1), "d"(a2) : "memory");
    return ret;
}

static inline int32_t pv_hcall5(pv_word_t nr, pv_word_t a0, pv_word_t a1, pv_word_t a2,
                                pv_word_t a3, pv_word_t a4)
{
    int32_t ret;
    __asm__ volatile("int $0x80"
                     : "=a"(ret)
                     : "a"(nr), "b"(a0), "c"(a1), "d"(a2), "S"(a3), "D"(a4)
                     : "memory");
    return ret;
}

#endif
