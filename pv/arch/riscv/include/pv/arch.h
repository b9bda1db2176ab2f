/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V 64 binding of the hypercall trap.
 *
 * A hypercall is `ecall` from user mode: a7 holds the number, a0-a5 the
 * arguments in order; the result comes back in a0 (sign-extended). All
 * other registers are preserved. A 64-bit argument takes one register
 * (PV_U64_WORDS = 1). This is the only arch-specific part of the guest
 * library (docs/pv-api.md).
 */
#ifndef PV_ARCH_RISCV_H
#define PV_ARCH_RISCV_H

#include <stdint.h>
#include <pv/layout.h>
#include <pv/word.h>

/* Where the control page (struct pv_shared) is mapped in every partition. */
#define PV_SHARED_VA 0xf0000000u

/*
 * The upcall frame. To deliver virtual interrupts the kernel stores this
 * 16-byte aligned below the interrupted sp and continues at the registered
 * entry with sp = a0 = the frame's address and virtual interrupts disabled.
 * PV_HC_UPCALL_RETURN(frame) resumes every register and pc from it.
 */
struct pv_upcall_frame {
    uint64_t lines; /* the lines delivered (bit n = line n), already cleared from pending */
    uint64_t pc;    /* the interrupted pc */
    uint64_t x[31]; /* x1-x31; x[1] is the interrupted sp */
    uint64_t reserved;
};

PV_ASSERT_SIZE(struct pv_upcall_frame, 272);
PV_ASSERT_OFFSET(struct pv_upcall_frame, lines, 0);
PV_ASSERT_OFFSET(struct pv_upcall_frame, pc, 8);
PV_ASSERT_OFFSET(struct pv_upcall_frame, x, 16);
PV_ASSERT_OFFSET(struct pv_upcall_frame, reserved, 264);

/* The user-readable counter the shared page's clock fields scale: the
 * CLINT's mtime through the `time` CSR (the kernel sets mcounteren.TM). */
static inline uint64_t pv_arch_counter(void)
{
    uint64_t t;

    __asm__ volatile("rdtime %0" : "=r"(t));
    return t;
}

static inline int32_t pv_hcall0(pv_word_t nr)
{
    register pv_word_t a7 __asm__("a7") = nr;
    register pv_word_t a0 __asm__("a0");

    __asm__ volatile("ecall" : "=r"(a0) : "r"(a7) : "memory");
    return (int32_t)a0;
}

static inline int32_t pv_hcall1(pv_word_t nr, pv_word_t x0)
{
    register pv_word_t a7 __asm__("a7") = nr;
    register pv_word_t a0 __asm__("a0") = x0;

    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    return (int32_t)a0;
}

static inline int32_t pv_hcall2(pv_word_t nr, pv_word_t x0, pv_word_t x1)
{
    register pv_word_t a7 __asm__("a7") = nr;
    register pv_word_t a0 __asm__("a0") = x0;
    register pv_word_t a1 __asm__("a1") = x1;

    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1) : "memory");
    return (int32_t)a0;
}

static inline int32_t pv_hcall3(pv_word_t nr, pv_word_t x0, pv_word_t x1, pv_word_t x2)
{
    register pv_word_t a7 __asm__("a7") = nr;
    register pv_word_t a0 __asm__("a0") = x0;
    register pv_word_t a1 __asm__("a1") = x1;
    register pv_word_t a2 __asm__("a2") = x2;

    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
    return (int32_t)a0;
}

static inline int32_t pv_hcall5(pv_word_t nr, pv_word_t x0, pv_word_t x1, pv_word_t x2,
                                pv_word_t x3, pv_word_t x4)
{
    register pv_word_t a7 __asm__("a7") = nr;
    register pv_word_t a0 __asm__("a0") = x0;
    register pv_word_t a1 __asm__("a1") = x1;
    register pv_word_t a2 __asm__("a2") = x2;
    register pv_word_t a3 __asm__("a3") = x3;
    register pv_word_t a4 __asm__("a4") = x4;

    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4) : "memory");
    return (int32_t)a0;
}

#endif
