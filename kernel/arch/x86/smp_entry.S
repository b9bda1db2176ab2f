/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Application processors: the real-mode trampoline a start-up IPI sends
 * them to (smp.c; their timer interrupt's entry is in entry.S).
 *
 * The boot CPU copies the x86_trampoline_size bytes at x86_trampoline to
 * TRAMPOLINE_BASE (0x8000, below 1 MiB as real mode needs; the SIPI vector
 * is its page number) and fills in the two words at its end, the AP's
 * stack top and block. The AP starts at 0800:0000 in real mode, loads the
 * trampoline's own flat GDT (the kernel's selectors 0x08 and 0x10), enters
 * protected mode and calls x86_ap_main(block) on its own stack, paging
 * still off: the kernel's direct map is the identity, so the kernel's
 * addresses are the same before and after x86_mmu_init_ap().
 */

#define TRAMPOLINE_BASE 0x8000
#define T(label) (TRAMPOLINE_BASE + ((label) - x86_trampoline))

    .section .rodata
    .balign 16
    .global x86_trampoline, x86_trampoline_size
    .code16
x86_trampoline:
    cli
    cld
    mov %cs, %ax
    mov %ax, %ds
    lgdtl (tramp_gdtr - x86_trampoline)
    mov %cr0, %eax
    or $1, %eax /* PE */
    mov %eax, %cr0
    ljmpl $0x08, $T(tramp_32)
    .code32
tramp_32:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %ax, %fs
    mov %ax, %gs
    mov T(tramp_stack), %esp
    push T(tramp_cpu)
    mov $x86_ap_main, %eax
    call *%eax
1:  cli
    hlt
    jmp 1b
    .balign 8
tramp_gdt:
    .quad 0
    .quad 0x00cf9a000000ffff /* 0x08: flat code, as the kernel's KERNEL_CS */
    .quad 0x00cf92000000ffff /* 0x10: flat data, as KERNEL_DS */
tramp_gdtr:
    .word 23
    .long T(tramp_gdt)
    .balign 4
/* struct trampoline_params of smp.c: the last two words. */
tramp_stack:
    .long 0
tramp_cpu:
    .long 0
x86_trampoline_end:
    .balign 4
x86_trampoline_size:
    .long x86_trampoline_end - x86_trampoline

    .section .note.GNU-stack, "", @progbits
