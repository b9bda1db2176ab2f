/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread switch. The callee-saved registers and EFLAGS go on the thread's
 * own stack; the context keeps only the stack pointer, so a switch is a few
 * pushes and pops. Layout of struct port_context (context.c): 0 esp,
 * 4 fp flag, 48 the 16-byte aligned FXSAVE image. FP state is saved and
 * restored eagerly, only for threads created with fp = true; the others
 * share whatever the FPU holds.
 */
#define CTX_ESP   0
#define CTX_FP    4
#define CTX_FXSAVE 48
/* Only when CPU_STACK_GUARD is defined (pv port): the guard words above the
 * FXSAVE image, the lowest words of the usable stack (context.c). */
#define CTX_GUARD 560
#define STACK_PATTERN 0x5a7c3e19

    .text
    .globl port_context_switch
    .type port_context_switch, @function
port_context_switch:
    mov 4(%esp), %eax
    mov 8(%esp), %edx
#ifdef CPU_STACK_GUARD
    /* The outgoing thread stayed inside its stack: its stack pointer is
     * above the guard and the guard's first and last words are intact.
     * Otherwise cpu_stack_overflow(from, to), which does not return. */
    lea CTX_GUARD+16(%eax), %ecx
    cmp %ecx, %esp
    jb cpu_stack_overflow
    cmpl $STACK_PATTERN, CTX_GUARD(%eax)
    jne cpu_stack_overflow
    cmpl $STACK_PATTERN, CTX_GUARD+12(%eax)
    jne cpu_stack_overflow
#endif
    pushfl
    pushl %ebp
    pushl %ebx
    pushl %esi
    pushl %edi
    mov %esp, CTX_ESP(%eax)
    cmpl $0, CTX_FP(%eax)
    je resume
    fxsave CTX_FXSAVE(%eax)
    jmp resume
    .size port_context_switch, . - port_context_switch

    .globl port_context_start
    .type port_context_start, @function
port_context_start:
    mov 4(%esp), %edx
resume:
    cmpl $0, CTX_FP(%edx)
    je 1f
    fxrstor CTX_FXSAVE(%edx)
1:  mov CTX_ESP(%edx), %esp
    popl %edi
    popl %esi
    popl %ebx
    popl %ebp
    popfl
    ret
    .size port_context_start, . - port_context_start

    /*
     * First code of every thread: the initial frame (built by
     * port_context_init inside the context, not on the stack) left the
     * stack top in %ebx and the entry in %esi.
     */
    .globl cpu_context_first
    .type cpu_context_first, @function
cpu_context_first:
    mov %ebx, %esp
    xor %ebp, %ebp
    call *%esi
    ud2
    .size cpu_context_first, . - cpu_context_first

    /* No executable stack: nothing here needs one. */
    .section .note.GNU-stack, "", @progbits
