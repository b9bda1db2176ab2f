/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trap entry and exit for all 256 vectors.
 *
 * From ring 3 the CPU switches to TSS.esp0, which points at the end of the
 * running partition's saved frame (struct x86_frame), so the pushes below
 * fill that frame in place; we then move to the kernel stack to run C.
 * From ring 0 (only the idle loop runs with interrupts on) the frame is
 * pushed on the idle stack and C runs right below it.
 * x86_trap() returns the frame to resume; we load it and iret.
 */

#include "asm_offsets.h" /* FRAME_CS, FRAME_EFLAGS: struct x86_frame */

#define EFLAGS_VM 0x20000

/* Saves the frame and calls handler(frame) on the right stack; handler
 * returns the frame to resume (in %eax). On an application processor the
 * kernel stack and everything else the entry reaches are that CPU's own
 * (the per-CPU section, mmu.c): the same code serves every CPU. */
.macro save_and_call handler
    cld /* the C ABI wants DF clear; a partition may have set it */
    pusha
    push %ds
    push %es
    push %fs
    push %gs
    /* The kernel addresses memory through %ds and %es only (and %ss, set by
     * the CPU); %fs and %gs keep the partition's values, saved above. */
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %esp, %eax
    /* From a partition: CPL 3, or virtual-8086 mode, which QEMU enters on
     * a ring-3 iret with EFLAGS.VM set (real CPUs ignore VM there). A V86
     * frame has four more words (the CPU pushed es, ds, fs, gs above ss),
     * so it sits 16 bytes below the partition's frame, and its CS is
     * whatever the partition chose: it must not decide the stack. */
    testl $EFLAGS_VM, FRAME_EFLAGS(%esp)
    jnz 2f
    testl $3, FRAME_CS(%esp)
    jz 1f
2:  mov $x86_kernel_stack_top, %esp
1:  push %eax
    call \handler
.endm

    .text
    .balign 16
trap_common:
    save_and_call x86_trap
    .global x86_resume
x86_resume:
    mov %eax, %esp
    pop %gs
    pop %fs
    pop %es
    pop %ds
    popa
    add $8, %esp
    iret

/*
 * The hypercall gate (vector 0x80). A null hypercall - PV_HC_IRQ_SYNC with
 * nothing to deliver - returns from here when the last full exit allowed
 * it (kernel_fast_exit_partition, kernel.h): that exit left the partition's
 * frame, the address space, the FPU trap and the timer as they must be,
 * and a null hypercall would change none of them; it only counts the entry
 * and returns PV_OK. docs/performance.md ("Fast paths") says why each skip
 * is safe. Every other hypercall, and this one with a line deliverable
 * (upcalls on and a pending line unmasked), takes the full path.
 * The partition's %ds may be any selector it could load (even null), so
 * kernel memory is reached through %ss, the kernel's since the gate. Only
 * %eax (the result) and %ecx (saved in the frame's ecx slot, which the
 * full path would overwrite anyway) are used; the flags come back by iret.
 */
hcall_entry:
    cmp $HC_IRQ_SYNC, %eax
    jne trap_common
    /* A virtual-8086 frame goes to x86_trap(), which reports it. */
    testl $EFLAGS_VM, 16(%esp)
    jnz trap_common
    mov %ss:kernel_fast_exit_partition, %eax
    test %eax, %eax
    jz 3f
    push %ecx
    /* Output queued (a drain to do) or a port copy under way: full path. */
    mov %ss:PART_CONSOLE_LEN(%eax), %ecx
    or %ss:PART_PORT_CALL(%eax), %ecx
    jnz 2f
    mov %ss:PART_SHARED(%eax), %eax
    /* Deliverable: upcalls enabled (irq_level 0) and pending & ~mask. */
    cmpl $0, %ss:SHARED_IRQ_LEVEL(%eax)
    jne 1f
    mov %ss:SHARED_IRQ_MASK(%eax), %ecx
    not %ecx
    and %ss:SHARED_IRQ_PENDING(%eax), %ecx
    jnz 2f
1:  incl %ss:SHARED_KERNEL_ENTRIES(%eax)
    pop %ecx
    xor %eax, %eax /* PV_OK */
    add $8, %esp
    iret
2:  pop %ecx
3:  mov $HC_IRQ_SYNC, %eax
    jmp trap_common

/*
 * The local APIC timer on an application processor (its IDT, desc.c):
 * x86_ap_timer() counts the AP's frame starts, then does what x86_trap()
 * does for a timer interrupt.
 */
    .balign 16
    .global x86_ap_vector_timer
x86_ap_vector_timer:
    push $0
    push $0x40 /* VECTOR_TIMER */
    save_and_call x86_ap_timer
    jmp x86_resume

/*
 * The boot CPU's timer where partitions move between CPUs (smp.c): the
 * entry of x86_trap() between the handover's two steps.
 */
    .balign 16
    .global x86_boot_vector_timer
x86_boot_vector_timer:
    push $0
    push $0x40 /* VECTOR_TIMER */
    save_and_call x86_boot_timer
    jmp x86_resume

/*
 * NMI, #DF and #MC arrive by task switch (desc.c): ring 0, interrupts off,
 * a fresh stack of their own, the vector in %eax (#DF's error code, always
 * 0, on that stack). Nothing of the interrupted state is trusted; the C
 * side reports and panics.
 */
    .global x86_fault_task_entry
x86_fault_task_entry:
    and $-16, %esp
    sub $12, %esp
    push %eax
    call x86_fault_task
1:  cli
    hlt
    jmp 1b

/* Vectors where the CPU pushes an error code: 8, 10-14, 17, 21, 29, 30. */
.macro vector n
    .balign 16
vector_\n:
    .if (\n == 8) || ((\n >= 10) && (\n <= 14)) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
    .else
    push $0
    .endif
    push $\n
    .if \n == 128
    jmp hcall_entry
    .else
    jmp trap_common
    .endif
.endm

    .balign 16
    .global x86_vectors
x86_vectors:
.altmacro
.set i, 0
.rept 256
    vector %i
    .set i, i + 1
.endr

    .section .note.GNU-stack, "", @progbits
