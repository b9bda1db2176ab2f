/* SPDX-License-Identifier: BSD-2-Clause */
/* Partition entry on SPARC: the kernel starts us in user mode at _start with
 * %o0 = the partition's configured id and no stack. */
    .section .text.start, "ax"
    .global _start
_start:
    /* A minimal frame at the top: its save area is where this window spills. */
    set __stack_top - 96, %sp
    mov %g0, %fp
    call pv_main
     nop
    /* pv_main returned: the partition is done. */
1:  mov 3, %g1 /* PV_HC_HALT_SELF */
    ta 0x40
    b 1b
     nop

    .section .note.GNU-stack, "", @progbits
