/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 upcall trampoline. The kernel enters here with %esp = %eax = the
 * upcall frame (pv/arch.h) and virtual interrupts disabled. The guest's C
 * handler may switch threads before it returns; the frame stays on this
 * stack until the thread resumes.
 *
 * The return needs no trap. The frame's context is resumed here, in ring
 * 3: the interrupted %eip goes just below the interrupted %esp (the kernel
 * leaves at least 4 bytes between the frame and it), virtual interrupts are
 * enabled, pending lines looked at once more, the registers and flags
 * loaded, and a `ret` from that %esp - 4 ends it. An upcall can arrive
 * anywhere after interrupts are enabled; in the restore section below
 * (PV_UPCALL_RESTORE_START/END from the entry, with %esp the frame or 4
 * below it) the kernel first resumes the frame as PV_HC_UPCALL_RETURN
 * would and then delivers the upcall as usual, so the frame is reused, not
 * nested (docs/pv-api.md, "Upcall return without a trap"). A handler that
 * moved the frame's %esp to less than 4 bytes above the frame returns by
 * hypercall.
 */
#include <pv/arch.h>

#define LEVEL   (PV_SHARED_VA_ASM + 0) /* struct pv_shared: irq_level */
#define MASK    (PV_SHARED_VA_ASM + 4) /* irq_mask */
#define PENDING (PV_SHARED_VA_ASM + 8) /* irq_pending */

    .text
    .global pv_upcall_entry
pv_upcall_entry:
    sub $12, %esp /* keep the 16-byte call alignment of the i386 ABI */
    push %eax
    call pv_upcall_handler
    mov (%esp), %esp /* the frame */
    mov PV_FRAME_ESP(%esp), %eax
    lea PV_FRAME_SIZE + 4(%esp), %ecx
    cmp %ecx, %eax
    jb 9f
    sub $4, %eax
    mov PV_FRAME_EIP(%esp), %ecx
    mov %ecx, (%eax) /* the return address, outside the frame */
    mov %eax, PV_FRAME_LINES(%esp) /* where %esp goes last; the lines were handled */
    /* pv/arch.h's offsets are the kernel's: the build fails if the code
     * grew past them (shorter code is padded with nops). */
    .org pv_upcall_entry + PV_UPCALL_RESTORE_START, 0x90
restore_start:
    movl $0, LEVEL
    mov MASK, %ecx
    not %ecx
    test %ecx, PENDING
    jz 1f
    mov $6, %eax /* PV_HC_IRQ_SYNC: the kernel resumes the frame and delivers */
    int $0x80
    jmp restore_start /* nothing was delivered after all: look again */
1:  mov PV_FRAME_EDI(%esp), %edi
    mov PV_FRAME_ESI(%esp), %esi
    mov PV_FRAME_EBP(%esp), %ebp
    mov PV_FRAME_EBX(%esp), %ebx
    mov PV_FRAME_EDX(%esp), %edx
    mov PV_FRAME_ECX(%esp), %ecx
    mov PV_FRAME_EAX(%esp), %eax
    pushl PV_FRAME_EFLAGS(%esp)
    andl $PV_FRAME_EFLAGS_USER, (%esp) /* what PV_HC_UPCALL_RETURN keeps */
    popfl
    mov PV_FRAME_LINES(%esp), %esp
    .org pv_upcall_entry + PV_UPCALL_RESTORE_END, 0x90
restore_end:
    ret
9:  mov %esp, %ebx
    mov $5, %eax /* PV_HC_UPCALL_RETURN */
    int $0x80
    /* Only reached if the frame was refused; nothing sane to return to. */
    ud2

    .section .note.GNU-stack, "", @progbits
