/* SPDX-License-Identifier: BSD-2-Clause */
/* The x86 upcall trampoline: the kernel enters here with %esp = %eax = the
 * upcall frame (pv/arch.h). The guest's C handler may switch threads before
 * it returns; the frame stays on this stack until the thread resumes. */
    .text
    .global pv_upcall_entry
pv_upcall_entry:
    sub $12, %esp /* keep the 16-byte call alignment of the i386 ABI */
    push %eax
    call pv_upcall_handler
    mov (%esp), %ebx
    mov $5, %eax /* PV_HC_UPCALL_RETURN */
    int $0x80
    /* Only reached if the frame was refused; nothing sane to return to. */
    ud2

    .section .note.GNU-stack, "", @progbits
