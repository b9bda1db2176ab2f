/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The record an arch's timer interrupt fast path reads (x86: entry.S,
 * timer_entry; SPARC: timer_entry.S, timer_fast; RISC-V:
 * timer_fast.c, riscv_timer_fast): written at the end of every
 * full kernel entry, it names the running partition only when the next
 * interrupt of the schedule timer can do nothing but expire that
 * partition's wall-clock timer once, deliver its line and arm the timer for
 * the next deadline - the timer's next period, or the end of the run. The
 * fast path checks what the partition or the time may have changed since
 * (docs/performance.md, "Timer fast paths", says what and why that is
 * enough). The deadlines are in ns here; each arch turns them into its
 * counter's units (arch_fast_timer_prepare) so that its fast path compares
 * the counter with them directly.
 */
#ifndef TESSERA_TIMER_FAST_H
#define TESSERA_TIMER_FAST_H

#include <stdbool.h>
#include <stdint.h>
#include "partition.h"
#include "pv/abi.h"

struct fast_timer_record {
    struct partition *part; /* NULL: every timer interrupt takes the full entry */
    uint64_t deadline_ns;   /* part's wall-clock timer: the deadline armed */
    uint64_t period_ns;     /* its period; 0 = one-shot */
    uint64_t end_ns;        /* the end of part's run: the guard's start */
};

extern struct fast_timer_record fast_timer;

/* The arch's units for the record (x86: TSC values and the local APIC
 * count; SPARC: ticks from the clock's last reading); false when the arch
 * cannot serve this record. same: the record named the same partition
 * with the same deadline, period and run end before this write, so what
 * the arch worked out for it then still holds if nothing of its own
 * changed (x86 keeps it: an RTEMS tick's record is written at every full
 * entry of its partition). */
bool arch_fast_timer_prepare(const struct fast_timer_record *r, bool same);

void fast_timer_record_fill(struct partition *p, uint64_t run_end, uint64_t armed);

/* Called by the end of every full entry (kernel.c, finish_entry) with the
 * partition published for the fast paths (kernel_fast_exit_partition, or
 * NULL), and where the end of its run and the deadline the schedule timer
 * is armed for are: read only when the record may name p, so that the
 * usual answers (no wall-clock timer armed, or one of a kind the arch does
 * not serve: ARCH_FAST_TIMER_KINDS, arch_types.h) cost a test and one
 * store - no call, and no reload of what arm_timer()'s call may have
 * changed. */
static inline void fast_timer_record_write(struct partition *p, const uint64_t *run_end,
                                           const uint64_t *armed)
{
    const struct vtimer *wall = p ? &p->timers[PV_CLOCK_WALL] : NULL;

    if (wall && wall->armed && (ARCH_FAST_TIMER_KINDS & (wall->period ? 2u : 1u))) {
        fast_timer_record_fill(p, *run_end, *armed);
    } else {
        fast_timer.part = NULL;
    }
}

#endif
