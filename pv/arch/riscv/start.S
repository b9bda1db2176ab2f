/* SPDX-License-Identifier: BSD-2-Clause */
/* Partition entry on RISC-V: the kernel starts us in user mode at _start
 * with a0 = the partition's configured id and no stack. */
    .section .text.start, "ax"
    .global _start
_start:
.option push
.option norelax
    la gp, __global_pointer$
.option pop
    la sp, __stack_top
    mv s0, zero
    call pv_main
    /* pv_main returned: the partition is done. */
1:  li a7, 3 /* PV_HC_HALT_SELF */
    ecall
    j 1b

    .section .note.GNU-stack, "", @progbits
