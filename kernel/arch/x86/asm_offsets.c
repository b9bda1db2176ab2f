/* SPDX-License-Identifier: BSD-2-Clause */
/* The offsets entry.S uses (kernel/core/include/asm_offset.h says how they
 * get there). Compiled to assembly only, never linked. */
#include "arch_types.h"
#include "asm_offset.h"

void asm_offsets(void);

void asm_offsets(void)
{
    /* The trap frame, addressed from %esp once trap_common has pushed it. */
    ASM_OFFSET(FRAME_CS, offsetof(struct x86_frame, cs));
    ASM_OFFSET(FRAME_EFLAGS, offsetof(struct x86_frame, eflags));
}
