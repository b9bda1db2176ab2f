/* SPDX-License-Identifier: BSD-2-Clause */
/* The SPARC upcall trampoline: the kernel enters here in the interrupted
 * register window with %o0 = the upcall frame (pv/arch.h) and %sp below it.
 * The window's locals and ins still belong to the interrupted code, so a
 * fresh window is taken first. The guest's C handler may switch threads
 * before it returns; the frame stays on this stack until the thread
 * resumes. */
    .text
    .global pv_upcall_entry
pv_upcall_entry:
    save %sp, -96, %sp
    call pv_upcall_handler
     mov %i0, %o0
    mov %i0, %o0
    mov 5, %g1 /* PV_HC_UPCALL_RETURN */
    ta 0x40
    /* Only reached if the frame was refused; nothing sane to return to. */
    unimp 0

    .section .note.GNU-stack, "", @progbits
