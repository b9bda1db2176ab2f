/* SPDX-License-Identifier: BSD-2-Clause */
/* What the files of the native RISC-V port share with each other. */
#ifndef NATIVE_RISCV_NATIVE_H
#define NATIVE_RISCV_NATIVE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

/* QEMU virt's devices, by physical address (the port runs without paging). */
#define NATIVE_SIFIVE_TEST_PA 0x100000ul
#define NATIVE_UART_PA        0x10000000ul
#define NATIVE_RAM_PA         0x80000000ul

/* The time CSR (the CLINT's mtime) runs at 10 MHz on virt: 100 ns a count. */
#define NATIVE_TIMEBASE_NS 100u

/*
 * Port vector numbers are scause's interrupt codes. The supervisor
 * software interrupt (1) is the one an application may catch and raise
 * (csrs sip, 2); the supervisor timer (5) is the tick's; the external
 * line (9, the PLIC) is not driven: the console is polled.
 */
#define NATIVE_SOFT_VECTOR  1u
#define NATIVE_TIMER_VECTOR 5u

#define SSTATUS_SIE (1ul << 1)
#define SIE_SSIE    (1ul << NATIVE_SOFT_VECTOR)
#define SIE_STIE    (1ul << NATIVE_TIMER_VECTOR)
#define SIP_SSIP    SIE_SSIE
#define SCAUSE_IRQ  (1ul << 63)

#define csr_read(csr)                                                                              \
    ({                                                                                             \
        uint64_t v_;                                                                               \
        __asm__ volatile("csrr %0, " #csr : "=r"(v_) : : "memory");                                \
        v_;                                                                                        \
    })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" : : "r"((uint64_t)(v)) : "memory")
#define csr_set(csr, v)   __asm__ volatile("csrs " #csr ", %0" : : "r"((uint64_t)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" : : "r"((uint64_t)(v)) : "memory")

/* What the trap entry (vectors.S) saves before calling native_trap(): the
 * registers a C call may clobber, then the trap CSRs. */
struct native_trap_frame {
    uint64_t ra;
    uint64_t t[7];
    uint64_t a[8];
    uint64_t sepc;
    uint64_t sstatus;
    uint64_t scause;
    uint64_t stval;
};

/* boot.S: the M-mode set-up before the mret to S-mode, and M-mode's trap
 * vector (mstart.c). */
void native_mstart(void);
noreturn void native_mtrap(void);

void native_trap(struct native_trap_frame *frame);
void native_trap_entry(void);

bool native_tick_running(void);
void native_tick_interrupt(void);

void native_uart_init(void);
void native_uart_puts(const char *s);
void native_uart_hex(uint64_t value);

noreturn void native_start(void);

#endif
