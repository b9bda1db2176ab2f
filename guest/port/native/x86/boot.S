/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry from a Multiboot v1 loader (QEMU -kernel): 32-bit protected mode,
 * paging off, interrupts off, %eax = magic, %ebx = the information block.
 * The loader's GDT may be gone by now, so install our flat one before any
 * segment register is reloaded; clear .bss ourselves, since Multiboot only
 * promises that for images using the a.out address fields.
 */
#define MULTIBOOT_MAGIC 0x1badb002
/* Bit 0: modules page-aligned, bit 1: memory map wanted (mem_upper). */
#define MULTIBOOT_FLAGS 0x00000003

    .section .multiboot, "a"
    .balign 4
    .long MULTIBOOT_MAGIC
    .long MULTIBOOT_FLAGS
    .long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

    .section .rodata
    .balign 8
gdt:
    .quad 0
    .quad 0x00cf9a000000ffff /* 0x08: code, base 0, 4 GiB, ring 0, 32-bit */
    .quad 0x00cf92000000ffff /* 0x10: data, base 0, 4 GiB, ring 0 */
gdt_end:
gdt_pointer:
    .word gdt_end - gdt - 1
    .long gdt

    .text
    .globl _start
    .type _start, @function
_start:
    cli
    cld
    mov %eax, %esi
    mov %ebx, %ebp
    lgdt gdt_pointer
    ljmp $0x08, $1f
1:  mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %ax, %fs
    mov %ax, %gs
    mov $__bss_start, %edi
    mov $__bss_end, %ecx
    sub %edi, %ecx
    xor %eax, %eax
    rep stosb
    mov $boot_stack_top, %esp
    pushl $0
    popfl
    pushl %ebp
    pushl %esi
    call native_start
2:  hlt
    jmp 2b
    .size _start, . - _start

    /* Runs exec_boot() and is abandoned when the first thread starts. */
    .section .bss.boot_stack, "aw", @nobits
    .balign 16
    .skip 8192
boot_stack_top:

    /* No executable stack: nothing here needs one. */
    .section .note.GNU-stack, "", @progbits
