/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Tessera para-virtualization API for guests: one C API on every
 * architecture. Only <pv/arch.h>, the trap binding, differs per arch.
 */
#ifndef PV_PV_H
#define PV_PV_H

#include <stdint.h>
#include <pv/abi.h>
#include <pv/arch.h>

/* Writes len bytes to the partition's console; the kernel tags each line with
 * the partition's name. Returns the number of bytes taken or a PV_E* code. */
static inline int32_t pv_console_write(const char *buf, uint32_t len)
{
    return pv_hcall2(PV_HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)buf, len);
}

/* Stores the time since boot in ns at *out_ns. */
static inline int32_t pv_time_get(uint64_t *out_ns)
{
    return pv_hcall1(PV_HC_TIME_GET, (uint32_t)(uintptr_t)out_ns);
}

/* Gives up the rest of the current window; returns 0 when the partition
 * runs again. */
static inline int32_t pv_idle(void)
{
    return pv_hcall0(PV_HC_IDLE);
}

/* Stops the calling partition for good (until restarted by a system
 * partition or the health monitor). Does not return. */
static inline __attribute__((noreturn)) void pv_halt_self(void)
{
    for (;;)
        pv_hcall0(PV_HC_HALT_SELF);
}

#endif
