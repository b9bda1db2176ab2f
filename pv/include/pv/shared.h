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
    uint32_t reserved1;

    /* --- health monitor: the last error propagated (PV_HM_ACTION_PROPAGATE) --- */
    uint32_t hm_seq;     /* kernel: errors propagated so far; incremented after the fields
                            below are written, and PV_IRQ_HM raised */
    uint32_t hm_error;   /* kernel: PV_HM_* */
    uint32_t hm_detail;  /* kernel: what the error id says (docs/pv-api.md): fault address,
                            hypercall number and code, the guest's detail, port handle */
    uint32_t hm_pc;      /* kernel: the instruction that caused it; 0 if not an exception */
    uint32_t hm_flags;   /* kernel: PV_HM_FLAG_* */
    uint32_t hm_ignored; /* kernel: errors of this partition the action "ignore" counted */
};

/* The error is synchronous: the upcall frame's context is the faulting
 * instruction, and resuming it repeats the fault. */
#define PV_HM_FLAG_SYNC 0x1u

#endif
