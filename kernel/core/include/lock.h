/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A spin lock over the arch's atomic swap (arch_lock_try), for kernel
 * state the CPUs share (docs/architecture.md, "Multicore"). Every holder
 * keeps it for one bounded step - a counter update, one log entry - with
 * interrupts off, so a CPU that finds it taken waits at most that long:
 * no unbounded spinning. On one CPU it is never found taken.
 */
#ifndef TESSERA_LOCK_H
#define TESSERA_LOCK_H

#include <stdint.h>
#include "arch.h"

static inline void lock_take(volatile uint32_t *lock)
{
    while (!arch_lock_try(lock)) {
        ;
    }
}

static inline void lock_give(volatile uint32_t *lock)
{
    arch_lock_release(lock);
}

#endif
