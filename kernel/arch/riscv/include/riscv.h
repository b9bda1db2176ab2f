/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V privileged registers and the QEMU virt board, for kernel/arch/riscv. */
#ifndef TESSERA_RISCV_H
#define TESSERA_RISCV_H

#include <stdbool.h>
#include <stdint.h>

struct partition;
struct riscv_frame;

/* QEMU virt, physical. */
#define RAM_PA         0x80000000ul
#define KERNEL_REGION  0x01000000ul /* the kernel's first 16 MiB of RAM */
#define UART_PA        0x10000000ul
#define SIFIVE_TEST_PA 0x00100000ul
#define DEVICE_PAGE    0x1000ul
#define TIMEBASE_NS    100u /* virt's time CSR (the CLINT's mtime) runs at 10 MHz */

/*
 * The kernel sees physical address pa at pa + KERNEL_OFFSET: Sv39's upper
 * half, where no partition maps anything. Two 1 GiB leaves of every root
 * table: physical [0, 1 GiB) (the devices) and [2 GiB, 3 GiB) (RAM, where
 * the kernel is linked, at 0xffffffff80000000).
 */
#define KERNEL_OFFSET 0xffffffff00000000ul
#define KVA(pa)       ((uintptr_t)(pa) + KERNEL_OFFSET)
#define KPA(va)       ((uint64_t)(uintptr_t)(va)-KERNEL_OFFSET)

#define SATP_SV39_MODE 8ul
#define SATP_SV39      (SATP_SV39_MODE << 60)

#define SSTATUS_SIE      (1ul << 1)
#define SSTATUS_SPIE     (1ul << 5)
#define SSTATUS_SPP      (1ul << 8)
#define SSTATUS_FS_MASK  (3ul << 13)
#define SSTATUS_FS_OFF   (0ul << 13)
#define SSTATUS_FS_INIT  (1ul << 13)
#define SSTATUS_FS_CLEAN (2ul << 13)
#define SSTATUS_FS_DIRTY (3ul << 13)
#define SIE_STIE         (1ul << 5)
#define SIP_STIP         (1ul << 5)

#define SCAUSE_INTERRUPT (1ul << 63)
#define IRQ_S_TIMER      5
#define EXC_ILLEGAL      2
#define EXC_ECALL_U      8

#define csr_read(csr)                                                                              \
    ({                                                                                             \
        uint64_t v_;                                                                               \
        __asm__ volatile("csrr %0, " #csr : "=r"(v_));                                             \
        v_;                                                                                        \
    })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" : : "r"((uint64_t)(v)) : "memory")
#define csr_set(csr, v)   __asm__ volatile("csrs " #csr ", %0" : : "r"((uint64_t)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" : : "r"((uint64_t)(v)) : "memory")

void riscv_uart_init(void);
/* A byte waiting on the UART (what the console poll would read). */
bool riscv_console_input_ready(void);
/* The time CSR value at or after deadline_ns (the kernel's ns): the
 * interrupt never comes before the deadline. */
uint64_t riscv_deadline_ticks(uint64_t deadline_ns);
/* The timer interrupt of the running partition, whose saved frame is f,
 * served without the full entry (timer_fast.c); false: nothing changed. */
bool riscv_timer_fast(struct riscv_frame *f);
void riscv_time_init(void);
extern uint64_t riscv_boot_root[512];
void riscv_mmu_init(void);
void riscv_mmu_switch(const struct partition *p);
/* An illegal instruction of p with FS Off: 0 if p now owns the FPU and
 * should retry it, -1 if it is a fault (no FPU right, or the FPU was on). */
int riscv_fpu_trap(struct partition *p);
/* PV_HC_UPCALL_RETURN of p served without the exit path when nothing on
 * that path would act (upcall.c); false: p unchanged, take the full path. */
bool riscv_upcall_return_fast(struct partition *p);
/* Forgets p's FPU state (p restarts). */
void riscv_fpu_release(struct partition *p);
__attribute__((noreturn)) void riscv_resume(struct riscv_frame *f);
__attribute__((noreturn)) void riscv_idle(void);
/* How the idle loop waits. RISCV_IDLE_HALT: wfi until the timer. In a
 * guard band (arch_timer_arm_idle) the timer is armed 2 us short of the
 * window start (RISCV_IDLE_WAKE_EARLY); that interrupt arms the window
 * start on the time CSR's grid (timesync.S) and from then on the loop
 * spins (RISCV_IDLE_SPIN) until the window start's. Under QEMU -icount a
 * CPU in wfi is woken by a clock warp that QEMU's main thread may compute
 * before the CPU thread has counted its last instructions, so the wake-up
 * comes late by an amount that depends on the host; a spinning CPU sees
 * the timer at its exact instruction count. x86's idle loop does the same
 * (x86.h), SPARC's arms on its clock's grid too (sparc/timesync.S). */
enum { RISCV_IDLE_HALT, RISCV_IDLE_WAKE_EARLY, RISCV_IDLE_SPIN };
extern volatile uint32_t riscv_idle_state;
/* The early wake-up (state RISCV_IDLE_WAKE_EARLY): arms the timer for
 * the window start; the state becomes RISCV_IDLE_SPIN. */
void riscv_idle_wake_early(void);

#endif
