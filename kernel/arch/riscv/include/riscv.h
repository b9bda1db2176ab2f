/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V machine-mode registers and the QEMU virt board, for kernel/arch/riscv. */
#ifndef TESSERA_RISCV_H
#define TESSERA_RISCV_H

#include <stdint.h>

struct partition;
struct riscv_frame;

/* QEMU virt. */
#define RAM_PA         0x80000000ul
#define UART_BASE      0x10000000ul
#define CLINT_MTIMECMP 0x02004000ul /* hart 0 */
#define CLINT_MTIME    0x0200bff8ul
#define SIFIVE_TEST    0x00100000ul
#define TIMEBASE_NS    100u /* virt's mtime runs at 10 MHz */

#define MSTATUS_MIE      (1ul << 3)
#define MSTATUS_MPIE     (1ul << 7)
#define MSTATUS_MPP_MASK (3ul << 11)
#define MSTATUS_FS_MASK  (3ul << 13)
#define MIE_MTIE         (1ul << 7)
#define MIP_MTIP         (1ul << 7)

#define MCAUSE_INTERRUPT (1ul << 63)
#define IRQ_M_TIMER      7
#define EXC_ECALL_U      8

#define csr_read(csr)                                                                              \
    ({                                                                                             \
        uint64_t v_;                                                                               \
        __asm__ volatile("csrr %0, " #csr : "=r"(v_));                                             \
        v_;                                                                                        \
    })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" : : "r"((uint64_t)(v)) : "memory")

void riscv_uart_init(void);
void riscv_time_init(void);
void riscv_mmu_switch(const struct partition *p);
__attribute__((noreturn)) void riscv_resume(struct riscv_frame *f);
__attribute__((noreturn)) void riscv_idle(void);

#endif
