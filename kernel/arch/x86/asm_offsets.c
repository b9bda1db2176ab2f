/* SPDX-License-Identifier: BSD-2-Clause */
/* The offsets entry.S uses (kernel/core/include/asm_offset.h says how they
 * get there). Compiled to assembly only, never linked. */
#include "arch_types.h"
#include "asm_offset.h"
#include "asm_offsets_fast.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "pv/shared.h"
#include "timer_fast.h"
#include "x86.h"

void asm_offsets(void);

void asm_offsets(void)
{
    /* The trap frame, addressed from %esp once trap_common has pushed it. */
    ASM_OFFSET(FRAME_CS, offsetof(struct x86_frame, cs));
    ASM_OFFSET(FRAME_EFLAGS, offsetof(struct x86_frame, eflags));
    /* The null hypercall fast path: its number and the control page. */
    ASM_OFFSETS_NULL_HCALL();
    /* The timer fast path (entry.S, timer_entry): the frame's words from
     * its pusha slots on, the partition's wall timer, upcall entry and
     * remembered frame area, the records, the upcall frame. */
    ASM_OFFSET(FRAME_EDI, offsetof(struct x86_frame, edi));
    ASM_OFFSET(FRAME_ESI, offsetof(struct x86_frame, esi));
    ASM_OFFSET(FRAME_EBP, offsetof(struct x86_frame, ebp));
    ASM_OFFSET(FRAME_EBX, offsetof(struct x86_frame, ebx));
    ASM_OFFSET(FRAME_EDX, offsetof(struct x86_frame, edx));
    ASM_OFFSET(FRAME_ECX, offsetof(struct x86_frame, ecx));
    ASM_OFFSET(FRAME_EAX, offsetof(struct x86_frame, eax));
    ASM_OFFSET(FRAME_EIP, offsetof(struct x86_frame, eip));
    ASM_OFFSET(FRAME_ESP, offsetof(struct x86_frame, esp));
    ASM_OFFSET(PART_UPCALL_ENTRY, offsetof(struct partition, upcall_entry));
    ASM_OFFSET(PART_WALL_DEADLINE, offsetof(struct partition, timers[PV_CLOCK_WALL].deadline));
    ASM_OFFSET(PART_WALL_ARMED, offsetof(struct partition, timers[PV_CLOCK_WALL].armed));
    ASM_OFFSET(PART_AREA_VIRT, offsetof(struct partition, ctx.frame_area.virt));
    ASM_OFFSET(PART_AREA_SIZE, offsetof(struct partition, ctx.frame_area.size));
    ASM_OFFSET(PART_AREA_KERNEL, offsetof(struct partition, ctx.frame_area.kernel));
    ASM_OFFSET(SHARED_WALL_EXPIRATIONS,
               offsetof(struct pv_shared, timer_expirations[PV_CLOCK_WALL]));
    ASM_OFFSET(IRQ_TIMER_BIT, 1u << PV_IRQ_TIMER);
    ASM_OFFSET(RESTORE_START, PV_UPCALL_RESTORE_START);
    ASM_OFFSET(RESTORE_LEN, PV_UPCALL_RESTORE_END - PV_UPCALL_RESTORE_START);
    ASM_OFFSET(UPCALL_FRAME_SIZE, sizeof(struct pv_upcall_frame));
    ASM_OFFSET(UPCALL_LINES, offsetof(struct pv_upcall_frame, lines));
    ASM_OFFSET(UPCALL_EDI, offsetof(struct pv_upcall_frame, edi));
    ASM_OFFSET(UPCALL_ESI, offsetof(struct pv_upcall_frame, esi));
    ASM_OFFSET(UPCALL_EBP, offsetof(struct pv_upcall_frame, ebp));
    ASM_OFFSET(UPCALL_EBX, offsetof(struct pv_upcall_frame, ebx));
    ASM_OFFSET(UPCALL_EDX, offsetof(struct pv_upcall_frame, edx));
    ASM_OFFSET(UPCALL_ECX, offsetof(struct pv_upcall_frame, ecx));
    ASM_OFFSET(UPCALL_EAX, offsetof(struct pv_upcall_frame, eax));
    ASM_OFFSET(UPCALL_EIP, offsetof(struct pv_upcall_frame, eip));
    ASM_OFFSET(UPCALL_EFLAGS, offsetof(struct pv_upcall_frame, eflags));
    ASM_OFFSET(UPCALL_ESP, offsetof(struct pv_upcall_frame, esp));
    ASM_OFFSET(FAST_PART, offsetof(struct fast_timer_record, part));
    ASM_OFFSET(FAST_DEADLINE_NS, offsetof(struct fast_timer_record, deadline_ns));
    ASM_OFFSET(FAST_PERIOD_NS, offsetof(struct fast_timer_record, period_ns));
    ASM_OFFSET(X86_FAST_FIRE, offsetof(struct x86_fast_timer, fire_tsc));
    ASM_OFFSET(X86_FAST_LIMIT, offsetof(struct x86_fast_timer, limit_tsc));
    ASM_OFFSET(X86_FAST_END, offsetof(struct x86_fast_timer, end_tsc));
    ASM_OFFSET(X86_FAST_PERIOD, offsetof(struct x86_fast_timer, period_tsc));
}
