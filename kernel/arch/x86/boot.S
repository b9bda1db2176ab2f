/* SPDX-License-Identifier: BSD-2-Clause */
/* Multiboot (v1) entry: GRUB and QEMU's -kernel loader start us here in
 * 32-bit protected mode, paging off, %eax = magic, %ebx = boot info. */

#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00000003 /* page-align modules, provide memory info */

    .section .multiboot, "a"
    .balign 4
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)

    /* Each CPU's own (mmu.c): the stack every kernel entry from ring 3
     * moves to is this CPU's. */
    .section .percpu, "aw", @progbits
    .balign 16
    .global x86_kernel_stack_top
x86_kernel_stack:
    .skip 16384
x86_kernel_stack_top:

    .section .text
    .global _start
_start:
    cli
    cld
    mov $x86_kernel_stack_top, %esp
    push %ebx
    push %eax
    call x86_boot
1:  hlt
    jmp 1b

    .section .note.GNU-stack, "", @progbits
