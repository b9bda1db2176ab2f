/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupt and exception entry. Every vector gets a stub that makes the
 * frame uniform (a dummy error code where the CPU pushes none, then the
 * vector number) and joins trap_common, which saves only the registers the
 * C calling convention lets native_trap() clobber: a thread switch inside
 * it (exec_isr_dispatch) saves the callee-saved ones in the thread context.
 * Interrupts run on the interrupted thread's stack, with IF clear
 * throughout (interrupt gates), so they never nest.
 */
    .macro stub vector
    .balign 16
stub_\vector:
    .if (\vector == 8) || (\vector >= 10 && \vector <= 14) || (\vector == 17) || \
        (\vector == 21) || (\vector == 29) || (\vector == 30)
    .else
    pushl $0
    .endif
    pushl $\vector
    jmp trap_common
    .pushsection .rodata
    .long stub_\vector
    .popsection
    .endm

    .section .rodata
    .balign 4
    .globl native_vector_stubs
native_vector_stubs:

    .text
    .altmacro
    .set vector, 0
    .rept 0x40
    stub %vector
    .set vector, vector + 1
    .endr

trap_common:
    pushl %eax
    pushl %ecx
    pushl %edx
    cld
    /* The i386 ABI wants a 16-byte aligned stack at the call; the frame's
     * address is kept above the argument, which the callee may overwrite. */
    mov %esp, %eax
    and $-16, %esp
    pushl %eax
    sub $8, %esp
    pushl %eax
    call native_trap
    mov 12(%esp), %esp
    popl %edx
    popl %ecx
    popl %eax
    add $8, %esp
    iret

    /* No executable stack: nothing here needs one. */
    .section .note.GNU-stack, "", @progbits
