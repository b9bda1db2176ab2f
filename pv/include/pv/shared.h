/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The shared control page: one page per partition, mapped read-write into
 * the partition at PV_SHARED_VA (pv/arch/<arch>/include/pv/arch.h) and read
 * and written by the kernel. Each field says who writes it. The kernel only
 * ever reads plain values from it (never pointers), so nothing a partition
 * stores here can mislead the kernel beyond the partition itself.
 *
 * Single processor: the kernel writes only while the partition is
 * interrupted, so a guest reading a kernel field sees either the old or the
 * new value of each aligned 32-bit word; 64-bit values and groups of fields
 * that belong together are protected by the version counter `seq` (odd while
 * the kernel updates them).
 */
#ifndef PV_SHARED_H
#define PV_SHARED_H

#include <stdint.h>
#include <pv/layout.h>

/* The version of the binary interface: hypercall numbers and arguments,
 * the layouts of the shared structures, the upcall frames. Any change a
 * guest built for the old interface could misread takes a new number. The
 * kernel stores it in the control page's abi_version; a guest compares it
 * with the number it was built for before it makes any other use of the
 * interface (docs/pv-api.md, "ABI version"). */
#define PV_ABI_VERSION 2u /* 2: hm_detail and hm_pc (and the HM log's) 64-bit */

struct pv_shared {
    /* --- virtual interrupts --- */
    uint32_t irq_level;    /* guest: 0 = upcalls allowed, anything else = disabled (an
                              RTOS may store its own interrupt level here); the kernel
                              sets 1 when it delivers an upcall and 0 again on
                              PV_HC_UPCALL_RETURN */
    uint32_t irq_mask;     /* guest: bit n set = line n is not delivered (stays pending) */
    uint32_t irq_pending;  /* kernel: bit n set = line n is pending; the kernel clears
                              the bits it delivers */
    uint32_t partition_id; /* kernel: the configured id of this partition */

    /* --- clock: ns = wall_base_ns + ((counter - counter_base) * counter_mult >> 32) --- */
    uint32_t seq;              /* kernel: odd while the fields below change */
    uint32_t counter_valid;    /* kernel: 1 = the counter can be read in user mode (x86: TSC);
                                  0 = use PV_HC_TIME_GET */
    uint64_t counter_mult;     /* kernel: ns per counter tick, 32.32 fixed point */
    uint64_t counter_base;     /* kernel: counter value at wall_base_ns */
    uint64_t wall_base_ns;     /* kernel: wall clock at counter_base */
    uint64_t exec_base_ns;     /* kernel: execution time used before the current window */
    uint64_t running_since_ns; /* kernel: wall time the current window began for us */

    /* --- virtual timers (PV_CLOCK_WALL, PV_CLOCK_EXEC) --- */
    uint32_t timer_expirations[2]; /* kernel: expirations so far, wraps; a periodic timer
                                      whose partition was not running counts each
                                      missed period, so ticks can be caught up */

    /* --- schedule --- */
    uint32_t plan_id;         /* kernel: id of the current schedule plan */
    uint32_t window_index;    /* kernel: index of the current window in the plan */
    uint64_t window_start_ns; /* kernel: wall time the current window began */
    uint64_t window_end_ns;   /* kernel: wall time it ends */
    uint64_t frame_start_ns;  /* kernel: wall time the current major frame began */
    uint64_t major_frame_ns;  /* kernel: length of the major frame */

    /* --- partition life --- */
    uint32_t restarts;        /* kernel: cold restarts so far */
    uint32_t kernel_entries;  /* kernel: entries into the kernel while this partition ran
                                 (hypercalls, interrupts, exceptions); wraps. For
                                 measuring what an operation costs in traps */
    uint32_t next_plan_id;    /* kernel: plan of the next major frame (= plan_id unless a
                                 switch is pending) */
    uint32_t mode;            /* kernel: PV_MODE_* */
    uint32_t start_condition; /* kernel: PV_START_* of the last (re)start */
    uint32_t window_guard_ns; /* kernel: the current window's guard band: the partition
                                 stops running this long before window_end_ns (0: runs
                                 to the end); set with window_start_ns */
    uint32_t abi_version;     /* kernel: PV_ABI_VERSION; at this offset in every version */

    /* --- health monitor: the last error propagated (PV_HM_ACTION_PROPAGATE) --- */
    uint32_t hm_seq;     /* kernel: errors propagated so far; incremented after the fields
                            below are written, and PV_IRQ_HM raised */
    uint32_t hm_error;   /* kernel: PV_HM_* */
    uint32_t hm_flags;   /* kernel: PV_HM_FLAG_* */
    uint32_t hm_ignored; /* kernel: errors of this partition the action "ignore" counted */
    uint32_t cpu;        /* kernel: the CPU the partition runs on (0 on one CPU); a
                            partition whose windows are on several CPUs sees it change at its
                            window starts. Also puts hm_detail at a multiple of 8 */
    uint64_t hm_detail;  /* kernel: what the error id says (docs/pv-api.md): fault address,
                            hypercall number and code, the guest's detail, port handle;
                            64 bits on every arch, so a 64-bit address arrives whole */
    uint64_t hm_pc;      /* kernel: the instruction that caused it; 0 if not an exception */
};

PV_ASSERT_SIZE(struct pv_shared, 176);
PV_ASSERT_OFFSET(struct pv_shared, irq_level, 0);
PV_ASSERT_OFFSET(struct pv_shared, irq_mask, 4);
PV_ASSERT_OFFSET(struct pv_shared, irq_pending, 8);
PV_ASSERT_OFFSET(struct pv_shared, partition_id, 12);
PV_ASSERT_OFFSET(struct pv_shared, seq, 16);
PV_ASSERT_OFFSET(struct pv_shared, counter_valid, 20);
PV_ASSERT_OFFSET(struct pv_shared, counter_mult, 24);
PV_ASSERT_OFFSET(struct pv_shared, counter_base, 32);
PV_ASSERT_OFFSET(struct pv_shared, wall_base_ns, 40);
PV_ASSERT_OFFSET(struct pv_shared, exec_base_ns, 48);
PV_ASSERT_OFFSET(struct pv_shared, running_since_ns, 56);
PV_ASSERT_OFFSET(struct pv_shared, timer_expirations, 64);
PV_ASSERT_OFFSET(struct pv_shared, plan_id, 72);
PV_ASSERT_OFFSET(struct pv_shared, window_index, 76);
PV_ASSERT_OFFSET(struct pv_shared, window_start_ns, 80);
PV_ASSERT_OFFSET(struct pv_shared, window_end_ns, 88);
PV_ASSERT_OFFSET(struct pv_shared, frame_start_ns, 96);
PV_ASSERT_OFFSET(struct pv_shared, major_frame_ns, 104);
PV_ASSERT_OFFSET(struct pv_shared, restarts, 112);
PV_ASSERT_OFFSET(struct pv_shared, kernel_entries, 116);
PV_ASSERT_OFFSET(struct pv_shared, next_plan_id, 120);
PV_ASSERT_OFFSET(struct pv_shared, mode, 124);
PV_ASSERT_OFFSET(struct pv_shared, start_condition, 128);
PV_ASSERT_OFFSET(struct pv_shared, window_guard_ns, 132);
PV_ASSERT_OFFSET(struct pv_shared, abi_version, 136);
PV_ASSERT_OFFSET(struct pv_shared, hm_seq, 140);
PV_ASSERT_OFFSET(struct pv_shared, hm_error, 144);
PV_ASSERT_OFFSET(struct pv_shared, hm_flags, 148);
PV_ASSERT_OFFSET(struct pv_shared, hm_ignored, 152);
PV_ASSERT_OFFSET(struct pv_shared, cpu, 156);
PV_ASSERT_OFFSET(struct pv_shared, hm_detail, 160);
PV_ASSERT_OFFSET(struct pv_shared, hm_pc, 168);

/* The error is synchronous: the upcall frame's context is the faulting
 * instruction, and resuming it repeats the fault. */
#define PV_HM_FLAG_SYNC 0x1u

#endif
