/* SPDX-License-Identifier: BSD-2-Clause */
/* The host stand-in for kernel/arch: physical memory is a plain array. */
#ifndef FAKE_ARCH_H
#define FAKE_ARCH_H

#include <stdint.h>

#include "hcall.h"
#include "partition.h"

/* Fake RAM: physical addresses FAKE_RAM_BASE .. + FAKE_RAM_SIZE. */
#define FAKE_RAM_BASE 0x01000000u
#define FAKE_RAM_SIZE 0x00400000u
extern uint8_t fake_ram[FAKE_RAM_SIZE];

/* The id table (cfg_id_table) that tessera-config builds for the ids 1 and
 * 2 at indexes 0 and 1: seed 0 puts them in slots 3 and 2 of 4. */
#define FAKE_IDS_1_2                                                                               \
    {                                                                                              \
        (const uint8_t[]){CFG_ID_SLOT_EMPTY, CFG_ID_SLOT_EMPTY, 1, 0}, 3, 0                        \
    }
extern uint64_t fake_time_ns;
extern int fake_shutdown_code;
extern char fake_console[8192];
extern unsigned fake_console_len;
extern int fake_console_room;        /* bytes arch_console_try_putc takes before the UART is
                                        busy; negative: any number */
extern unsigned fake_hcall_restarts; /* arch_hcall_restart() calls */

/* One hypercall as a partition makes it: number and arguments in the
 * context's registers, then the kernel's dispatch; returns the result. */
static inline int32_t fake_hcall(struct partition *p, uint32_t nr, uint32_t a0, uint32_t a1,
                                 uint32_t a2, uint32_t a3)
{
    p->ctx.regs[0] = nr;
    p->ctx.regs[1] = a0;
    p->ctx.regs[2] = a1;
    p->ctx.regs[3] = a2;
    p->ctx.regs[4] = a3;
    hcall_dispatch(p);
    return (int32_t)p->ctx.regs[0];
}

#endif
