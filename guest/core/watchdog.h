/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Timeouts kept in a list sorted by absolute expiry time (ticks, or
 * nanoseconds of the realtime clock for time-of-day timeouts). Equal
 * deadlines fire in the order they were armed. Pure bookkeeping, no locking:
 * callers hold interrupts disabled.
 */
#ifndef TESSERA_EXEC_WATCHDOG_H
#define TESSERA_EXEC_WATCHDOG_H

#include <tessera/exec_types.h>

void exec_watchdog_list_init(struct exec_watchdog_list *list);
void exec_watchdog_init(struct exec_watchdog *w, exec_watchdog_routine routine);

/* Arms w to fire at expire (re-arms it if armed). */
void exec_watchdog_insert(struct exec_watchdog_list *list, struct exec_watchdog *w,
                          uint64_t expire);

/* Disarms w; no effect if it is not armed. */
void exec_watchdog_remove(struct exec_watchdog *w);

static inline bool exec_watchdog_is_armed(const struct exec_watchdog *w)
{
    return w->list != NULL;
}

/* Disarms and runs, in order, every watchdog with expire <= now. */
void exec_watchdog_expire(struct exec_watchdog_list *list, uint64_t now);

/* The two clocks' lists: ticks since boot, and realtime nanoseconds. */
extern struct exec_watchdog_list exec_watchdog_ticks;
extern struct exec_watchdog_list exec_watchdog_realtime;

#endif
