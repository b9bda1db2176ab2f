/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The offsets every arch's null hypercall fast path reads (its number, the
 * partition's control page and output, the control page's interrupt words
 * and entry count): one list for the arches' asm_offsets.c, so that the
 * fast paths test the same fields under the same names.
 */
#ifndef ASM_OFFSETS_FAST_H
#define ASM_OFFSETS_FAST_H

#include <stddef.h>
#include "asm_offset.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/shared.h"

#define ASM_OFFSETS_NULL_HCALL()                                                                   \
    do {                                                                                           \
        ASM_OFFSET(HC_IRQ_SYNC, PV_HC_IRQ_SYNC);                                                   \
        ASM_OFFSET(PART_SHARED, offsetof(struct partition, shared));                               \
        ASM_OFFSET(PART_CONSOLE_LEN, offsetof(struct partition, console.len));                     \
        ASM_OFFSET(PART_PORT_CALL, offsetof(struct partition, port_call));                         \
        ASM_OFFSET(SHARED_IRQ_LEVEL, offsetof(struct pv_shared, irq_level));                       \
        ASM_OFFSET(SHARED_IRQ_MASK, offsetof(struct pv_shared, irq_mask));                         \
        ASM_OFFSET(SHARED_IRQ_PENDING, offsetof(struct pv_shared, irq_pending));                   \
        ASM_OFFSET(SHARED_KERNEL_ENTRIES, offsetof(struct pv_shared, kernel_entries));             \
    } while (0)

#endif
