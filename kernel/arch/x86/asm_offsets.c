/* SPDX-License-Identifier: BSD-2-Clause */
/* The offsets entry.S uses (kernel/core/include/asm_offset.h says how they
 * get there). Compiled to assembly only, never linked. */
#include "arch_types.h"
#include "asm_offset.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/shared.h"

void asm_offsets(void);

void asm_offsets(void)
{
    /* The trap frame, addressed from %esp once trap_common has pushed it. */
    ASM_OFFSET(FRAME_CS, offsetof(struct x86_frame, cs));
    ASM_OFFSET(FRAME_EFLAGS, offsetof(struct x86_frame, eflags));
    /* The null hypercall fast path: its number and the control page. */
    ASM_OFFSET(HC_IRQ_SYNC, PV_HC_IRQ_SYNC);
    ASM_OFFSET(PART_SHARED, offsetof(struct partition, shared));
    ASM_OFFSET(PART_CONSOLE_LEN, offsetof(struct partition, console.len));
    ASM_OFFSET(PART_PORT_CALL, offsetof(struct partition, port_call));
    ASM_OFFSET(SHARED_IRQ_LEVEL, offsetof(struct pv_shared, irq_level));
    ASM_OFFSET(SHARED_IRQ_MASK, offsetof(struct pv_shared, irq_mask));
    ASM_OFFSET(SHARED_IRQ_PENDING, offsetof(struct pv_shared, irq_pending));
    ASM_OFFSET(SHARED_KERNEL_ENTRIES, offsetof(struct pv_shared, kernel_entries));
}
