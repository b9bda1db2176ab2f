/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Virtual timers: one-shot or periodic, with an absolute deadline on one of
 * a partition's clocks. Periodic deadlines advance by whole periods from the
 * first deadline, never from the time of handling, so they do not drift.
 */
#ifndef TESSERA_VTIMER_H
#define TESSERA_VTIMER_H

#include <stdint.h>

struct vtimer {
    uint64_t deadline; /* absolute, on the timer's clock */
    uint64_t period;   /* 0 = one-shot */
    uint32_t armed;
};

/* Arms t; deadline 0 disarms. */
void vtimer_set(struct vtimer *t, uint64_t deadline, uint64_t period);

/* Number of expirations of t up to and including time now on its clock
 * (0 if none), advancing a periodic timer past now and disarming a one-shot
 * one. */
uint32_t vtimer_expire(struct vtimer *t, uint64_t now);

#endif
