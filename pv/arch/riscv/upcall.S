/* SPDX-License-Identifier: BSD-2-Clause */
/* The RISC-V upcall trampoline: the kernel enters here with sp = a0 = the
 * upcall frame (pv/arch.h). s1 is free to hold the frame: the frame keeps
 * the interrupted value and the return restores it. The guest's C handler
 * may switch threads before it returns; the frame stays on this stack
 * until the thread resumes. */
    .text
    .global pv_upcall_entry
pv_upcall_entry:
    mv s1, a0
    call pv_upcall_handler
    mv a0, s1
    li a7, 5 /* PV_HC_UPCALL_RETURN */
    ecall
    /* Only reached if the frame was refused; nothing sane to return to. */
    unimp

    .section .note.GNU-stack, "", @progbits
