/* SPDX-License-Identifier: BSD-2-Clause */
/* Partition entry on x86: the kernel starts us in ring 3 at _start with
 * %eax = the partition's configured id and no stack. */
    .section .text.start, "ax"
    .global _start
_start:
    mov $__stack_top, %esp
    xor %ebp, %ebp
    push %eax
    call pv_main
    /* pv_main returned: the partition is done. */
1:  mov $3, %eax /* PV_HC_HALT_SELF */
    int $0x80
    jmp 1b

    .section .note.GNU-stack, "", @progbits
