/* SPDX-License-Identifier: BSD-2-Clause */
/* The offsets (and constants) the .S files use (kernel/core/include/asm_offset.h says how they
 * get there). Compiled to assembly only, never linked. */
#include <stddef.h>
#include "arch_types.h"
#include "asm_offset.h"
#include "asm_offsets_fast.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "pv/shared.h"
#include "riscv.h"

void asm_offsets(void);

void asm_offsets(void)
{
    ASM_OFFSET(FRAME_PC, offsetof(struct riscv_frame, pc));
    ASM_OFFSET(FRAME_STATUS, offsetof(struct riscv_frame, status));
    ASM_OFFSET(FRAME_CAUSE, offsetof(struct riscv_frame, cause));
    ASM_OFFSET(FRAME_TVAL, offsetof(struct riscv_frame, tval));
    /* The null hypercall's fast path (entry.S). */
    ASM_OFFSET(EXC_ECALL_U, EXC_ECALL_U);
    ASM_OFFSETS_NULL_HCALL();
    /* The upcall return's (entry.S). */
    ASM_OFFSET(HC_UPCALL_RETURN, PV_HC_UPCALL_RETURN);
    ASM_OFFSET(PART_AREA_VIRT, offsetof(struct partition, ctx.frame_area.virt));
    ASM_OFFSET(PART_AREA_SIZE, offsetof(struct partition, ctx.frame_area.size));
    ASM_OFFSET(PART_AREA_KERNEL, offsetof(struct partition, ctx.frame_area.kernel));
    ASM_OFFSET(UPCALL_FRAME_SIZE, sizeof(struct pv_upcall_frame));
    ASM_OFFSET(UPCALL_PC, offsetof(struct pv_upcall_frame, pc));
    ASM_OFFSET(UPCALL_X, offsetof(struct pv_upcall_frame, x));
    /* A constant of riscv.h that boot.S needs, as it is in C. */
    ASM_OFFSET(SATP_SV39_MODE, (int)SATP_SV39_MODE);
}
