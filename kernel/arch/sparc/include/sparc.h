/* SPDX-License-Identifier: BSD-2-Clause */
/* SPARC V8 / LEON3 privileged state, for kernel/arch/sparc only. */
#ifndef TESSERA_SPARC_H
#define TESSERA_SPARC_H

/* Processor state register. */
#define PSR_CWP 0x0000001f
#define PSR_ET  0x00000020
#define PSR_PS  0x00000040
#define PSR_S   0x00000080
#define PSR_PIL 0x00000f00
#define PSR_EF  0x00001000
#define PSR_ICC 0x00f00000

/*
 * Virtual memory map (docs/architecture.md, "SPARC/LEON3"): RAM (physical
 * 0x40000000) is mapped supervisor-only from KERNEL_VA in every context,
 * the APB peripherals at MMIO_VA; partitions own everything below
 * PV_SHARED_VA (0xef000000).
 */
#define RAM_PA        0x40000000
#define KERNEL_REGION 0x01000000 /* the kernel's first 16 MiB of RAM */
#define KERNEL_VA     0xf0000000
#define KERNEL_OFFSET (KERNEL_VA - RAM_PA)
#define RAM_MAX       0x0f000000 /* 240 MiB: up to MMIO_VA */
#define MMIO_PA       0x80000000
#define MMIO_VA       0xff000000
#define SHARED_VA     0xef000000 /* PV_SHARED_VA, for entry.S */

/* The kernel's register window: it runs C from window KERNEL_CWP with the
 * next older one invalid, so its first frame never underflows. */
#define KERNEL_CWP 0
#define KERNEL_WIM (1 << ((KERNEL_CWP + 1) % 8))

/* Trap types. */
#define TT_INSTRUCTION_ACCESS          0x01
#define TT_ILLEGAL_INSTRUCTION         0x02
#define TT_PRIVILEGED_INSTRUCTION      0x03
#define TT_FP_DISABLED                 0x04
#define TT_WINDOW_OVERFLOW             0x05
#define TT_WINDOW_UNDERFLOW            0x06
#define TT_MEM_NOT_ALIGNED             0x07
#define TT_FP_EXCEPTION                0x08
#define TT_DATA_ACCESS                 0x09
#define TT_TAG_OVERFLOW                0x0a
#define TT_WATCHPOINT                  0x0b
#define TT_REGISTER_ACCESS_ERROR       0x20
#define TT_INSTRUCTION_ACCESS_ERROR    0x21
#define TT_CP_DISABLED                 0x24
#define TT_UNIMPLEMENTED_FLUSH         0x25
#define TT_CP_EXCEPTION                0x28
#define TT_DATA_ACCESS_ERROR           0x29
#define TT_DIVISION_BY_ZERO            0x2a
#define TT_DATA_STORE_ERROR            0x2b
#define TT_DATA_ACCESS_MMU_MISS        0x2c
#define TT_INSTRUCTION_ACCESS_MMU_MISS 0x3c
#define TT_KINDS                       0x40 /* the trap types of trap.c's table: 0 - 0x3f */
#define TT_INTERRUPT(level)            (0x10 + (level))
#define TT_TRAP_INSTRUCTION            0x80 /* ta n: 0x80 + n */
#define TT_FLUSH_WINDOWS               (TT_TRAP_INSTRUCTION + 3)
#define TT_HYPERCALL                   (TT_TRAP_INSTRUCTION + 0x40)

/* SRMMU (ASI 0x19 registers, ASI 0x18 flush/probe). */
#define ASI_MMU_FLUSH 0x18
#define ASI_MMU_REGS  0x19
#define MMU_CTRL      0x000
#define MMU_CTP       0x100
#define MMU_CTX       0x200
#define MMU_FSR       0x300
#define MMU_FAR       0x400
#define MMU_CTRL_E    0x1
#define MMU_FLUSH_ALL 0x400 /* flush/probe address: type 4, entire TLB */
#define MMU_PROBE_ALL 0x400 /* probe type 4 ("entire"): the PTE, or 0 */

/* Page table entries. */
#define PTE_ET_PTD  0x1
#define PTE_ET_PTE  0x2
#define PTE_ACC(a)  ((a) << 2)
#define PTE_C       0x80
#define ACC_R_R     0 /* user read, supervisor read */
#define ACC_RW_RW   1
#define ACC_RX_RX   2
#define ACC_RWX_RWX 3
#define ACC_X_X     4
#define ACC_N_RWX   7 /* supervisor only */
/* A probed entry is a PTE whose ACC lets user mode store (ACC_RW_RW or
 * ACC_RWX_RWX: ACC bit 2 clear, bit 0 set) or load (ACC 0 to 3: bit 2
 * clear); trap_fast.S's window fast path tests (pte & MASK) == MATCH. */
#define PTE_USER_W_MASK  (3 | PTE_ACC(4) | PTE_ACC(1))
#define PTE_USER_W_MATCH (PTE_ET_PTE | PTE_ACC(1))
#define PTE_USER_R_MASK  (3 | PTE_ACC(4))
#define PTE_USER_R_MATCH PTE_ET_PTE

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

static inline uint32_t sparc_lda_mmu(uint32_t reg)
{
    uint32_t v;
    __asm__ volatile("lda [%1] %2, %0" : "=r"(v) : "r"(reg), "i"(ASI_MMU_REGS));
    return v;
}

static inline void sparc_sta_mmu(uint32_t reg, uint32_t v)
{
    __asm__ volatile("sta %0, [%1] %2" : : "r"(v), "r"(reg), "i"(ASI_MMU_REGS) : "memory");
}

static inline void sparc_tlb_flush_all(void)
{
    __asm__ volatile("sta %%g0, [%0] %1" : : "r"(MMU_FLUSH_ALL), "i"(ASI_MMU_FLUSH) : "memory");
}

static inline uint32_t sparc_rd_psr(void)
{
    uint32_t v;
    __asm__ volatile("rd %%psr, %0" : "=r"(v));
    return v;
}

/* wr %psr takes effect after three instructions. */
static inline void sparc_wr_psr(uint32_t v)
{
    __asm__ volatile("wr %0, %%psr\n\tnop\n\tnop\n\tnop" : : "r"(v) : "memory");
}

static inline uint32_t mmio_read(uint32_t pa)
{
    return *(volatile uint32_t *)(uintptr_t)(pa - MMIO_PA + MMIO_VA);
}

static inline void mmio_write(uint32_t pa, uint32_t v)
{
    *(volatile uint32_t *)(uintptr_t)(pa - MMIO_PA + MMIO_VA) = v;
}

/* Subsystems of kernel/arch/sparc. */
struct partition;
struct sparc_frame;
void sparc_uart_init(void);
void sparc_mmu_init(uint32_t ram_size);
void sparc_mmu_switch(const struct partition *p);
void sparc_time_init(void);
void sparc_timer_ack(void);
bool sparc_timer_pending(void);
int sparc_fpu_trap(struct partition *p);
void sparc_fpu_release(struct partition *p);
uint32_t sparc_fpu_psr(const struct partition *p);
int sparc_window_trap(struct partition *p, uint32_t tt, uint32_t *bad_sp);
int sparc_windows_flush(struct partition *p, uint32_t *bad_sp);
int sparc_window_fill(struct partition *p);
__attribute__((noreturn)) void sparc_resume_user(struct sparc_frame *f);
__attribute__((noreturn)) void sparc_resume_idle(void);

/* The kernel's clock (time.c): the free-running counter at its last
 * reading, and the ticks since boot up to it. trap_fast.S's pv clock trap reads
 * both (SPARC_CLOCK_* in asm_offsets.c). */
struct sparc_clock {
    uint32_t last_count;
    uint32_t reserved;
    uint64_t ticks;
};
extern struct sparc_clock sparc_clock;

/* The longest the schedule timer is armed for, in ticks: the clock is
 * read at least this often, so its 32-bit differences never wrap. */
#define ARM_MAX_TICKS 0x7fffffffu

/* The clock's tick: 1e9 / the GPTIMER's 40 MHz with the prescaler at 1
 * (time.c). */
#define SPARC_TICK_NS 25u

/* ceil(ns / 25): the tick of a time. */
uint64_t sparc_ns_to_ticks_up(uint64_t ns);

/* The tick the schedule timer was last armed for (arch_timer_arm, whose
 * count may be capped at ARM_MAX_TICKS: then it fires earlier). */
extern uint64_t sparc_timer_armed_tick;

/*
 * The timer interrupt fast path's ticks (timer_fast.c says when they are
 * worked out, timer_entry.S's timer_fast what it does with them), valid while
 * the arch-neutral record (timer_fast.h) names a partition. The ticks
 * count from the clock counter's last_count, as the kernel's clock does.
 * saved_g is timer_fast's room for the partition's %g1-%g3.
 */
struct sparc_fast_timer {
    uint32_t last_count;   /* sparc_clock.last_count when written */
    uint32_t fire_ticks;   /* the timer's deadline: at or after it, it has expired */
    uint32_t end_ticks;    /* the run's end (fast_timer.end_ns): before it, no slot change */
    uint32_t limit_ticks;  /* the next period's deadline or the run's end, whichever is
                            * first: before it, one expiration and no slot change */
    uint32_t period_ticks; /* the timer's period; 0: one-shot (limit = end) */
    uint32_t reserved;
    uint64_t limit_tick; /* limit's tick, for sparc_timer_armed_tick */
    uint64_t end_tick;   /* end's tick, kept for the next write of the same record */
    uint32_t saved_g[4]; /* 8-aligned: timer_fast stores %g2-%g3 with std */
};
extern struct sparc_fast_timer sparc_fast_timer;

/* The frame entry.S saves a trap from user mode into. */
extern struct sparc_frame *sparc_cur_frame;
#endif

#endif
