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

/*
 * The guest's upcall return without a trap (pv/arch/x86/upcall.S, docs/
 * pv-api.md): when the kernel delivers an upcall to a partition whose %eip
 * is in [entry + PV_UPCALL_RESTORE_START, entry + PV_UPCALL_RESTORE_END)
 * (entry = its registered upcall entry), it first resumes the upcall frame
 * at (%esp + 15) & ~15 as PV_HC_UPCALL_RETURN would, then delivers.
 */
#define PV_UPCALL_RESTORE_START 36
#define PV_UPCALL_RESTORE_END   114

/* For the assembly: the upcall frame's offsets (asserted below), the
 * flags an upcall return keeps, the control page. */
#define PV_FRAME_LINES       0
#define PV_FRAME_EDI         4
#define PV_FRAME_ESI         8
#define PV_FRAME_EBP         12
#define PV_FRAME_EBX         16
#define PV_FRAME_EDX         20
#define PV_FRAME_ECX         24
#define PV_FRAME_EAX         28
#define PV_FRAME_EIP         32
#define PV_FRAME_EFLAGS      36
#define PV_FRAME_ESP         40
#define PV_FRAME_SIZE        44
#define PV_FRAME_EFLAGS_USER 0x0cd5 /* CF PF AF ZF SF DF OF */
#define PV_SHARED_VA_ASM     0xf0000000

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <pv/layout.h>
#include <pv/word.h>

#define PV_ARCH_TRAP_VECTOR 0x80

/* Where the control page (struct pv_shared) is mapped in every partition. */
#define PV_SHARED_VA 0xf0000000u
_Static_assert(PV_SHARED_VA == PV_SHARED_VA_ASM, "PV_SHARED_VA_ASM");

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
PV_ASSERT_OFFSET(struct pv_upcall_frame, lines, PV_FRAME_LINES);
PV_ASSERT_OFFSET(struct pv_upcall_frame, edi, PV_FRAME_EDI);
PV_ASSERT_OFFSET(struct pv_upcall_frame, esi, PV_FRAME_ESI);
PV_ASSERT_OFFSET(struct pv_upcall_frame, ebp, PV_FRAME_EBP);
PV_ASSERT_OFFSET(struct pv_upcall_frame, ebx, PV_FRAME_EBX);
PV_ASSERT_OFFSET(struct pv_upcall_frame, edx, PV_FRAME_EDX);
PV_ASSERT_OFFSET(struct pv_upcall_frame, ecx, PV_FRAME_ECX);
PV_ASSERT_OFFSET(struct pv_upcall_frame, eax, PV_FRAME_EAX);
PV_ASSERT_OFFSET(struct pv_upcall_frame, eip, PV_FRAME_EIP);
PV_ASSERT_OFFSET(struct pv_upcall_frame, eflags, PV_FRAME_EFLAGS);
PV_ASSERT_OFFSET(struct pv_upcall_frame, esp, PV_FRAME_ESP);
PV_ASSERT_SIZE(struct pv_upcall_frame, PV_FRAME_SIZE);

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

#endif /* __ASSEMBLER__ */

#endif
