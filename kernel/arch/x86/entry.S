/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trap entry and exit for all 256 vectors.
 *
 * From ring 3 the CPU switches to TSS.esp0, which points at the end of the
 * running partition's saved frame (struct x86_frame), so the pushes below
 * fill that frame in place; we then move to the kernel stack to run C.
 * From ring 0 (only the idle loop runs with interrupts on) the frame is
 * pushed on the idle stack and C runs right below it.
 * x86_trap() returns the frame to resume; we load it and iret.
 */

#include "asm_offsets.h" /* FRAME_CS, FRAME_EFLAGS: struct x86_frame */

#define EFLAGS_VM 0x20000
/* upcall.c: what an upcall frame keeps of EFLAGS, and what it starts with */
#define EFLAGS_USER_MASK    0x0cd5
#define EFLAGS_RESERVED_IF  0x202

/* Saves the frame and calls handler(frame) on the right stack; handler
 * returns the frame to resume (in %eax). On an application processor the
 * kernel stack and everything else the entry reaches are that CPU's own
 * (the per-CPU section, mmu.c): the same code serves every CPU. */
.macro save_and_call handler
    cld /* the C ABI wants DF clear; a partition may have set it */
    pusha
    push %ds
    push %es
    push %fs
    push %gs
    /* The kernel addresses memory through %ds and %es only (and %ss, set by
     * the CPU); %fs and %gs keep the partition's values, saved above. */
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %esp, %eax
    /* From a partition: CPL 3, or virtual-8086 mode, which QEMU enters on
     * a ring-3 iret with EFLAGS.VM set (real CPUs ignore VM there). A V86
     * frame has four more words (the CPU pushed es, ds, fs, gs above ss),
     * so it sits 16 bytes below the partition's frame, and its CS is
     * whatever the partition chose: it must not decide the stack. */
    testl $EFLAGS_VM, FRAME_EFLAGS(%esp)
    jnz 2f
    testl $3, FRAME_CS(%esp)
    jz 1f
2:  mov $x86_kernel_stack_top, %esp
1:  push %eax
    call \handler
.endm

    .text
    .balign 16
trap_common:
    save_and_call x86_trap
    .global x86_resume
x86_resume:
    mov %eax, %esp
    pop %gs
    pop %fs
    pop %es
    pop %ds
    popa
    add $8, %esp
    iret

/*
 * The hypercall gate (vector 0x80). A null hypercall - PV_HC_IRQ_SYNC with
 * nothing to deliver - returns from here when the last full exit allowed
 * it (kernel_fast_exit_partition, kernel.h): that exit left the partition's
 * frame, the address space, the FPU trap and the timer as they must be,
 * and a null hypercall would change none of them; it only counts the entry
 * and returns PV_OK. docs/performance.md ("Fast paths") says why each skip
 * is safe. Every other hypercall, and this one with a line deliverable
 * (upcalls on and a pending line unmasked), takes the full path.
 * The partition's %ds may be any selector it could load (even null), so
 * kernel memory is reached through %ss, the kernel's since the gate. Only
 * %eax (the result) and %ecx (saved in the frame's ecx slot, which the
 * full path would overwrite anyway) are used; the flags come back by iret.
 */
hcall_entry:
    cmp $HC_IRQ_SYNC, %eax
    jne trap_common
    /* A virtual-8086 frame goes to x86_trap(), which reports it. */
    testl $EFLAGS_VM, 16(%esp)
    jnz trap_common
    mov %ss:kernel_fast_exit_partition, %eax
    test %eax, %eax
    jz 3f
    push %ecx
    /* Output queued (a drain to do) or a port copy under way: full path. */
    mov %ss:PART_CONSOLE_LEN(%eax), %ecx
    or %ss:PART_PORT_CALL(%eax), %ecx
    jnz 2f
    mov %ss:PART_SHARED(%eax), %eax
    /* Deliverable: upcalls enabled (irq_level 0) and pending & ~mask. */
    cmpl $0, %ss:SHARED_IRQ_LEVEL(%eax)
    jne 1f
    mov %ss:SHARED_IRQ_MASK(%eax), %ecx
    not %ecx
    and %ss:SHARED_IRQ_PENDING(%eax), %ecx
    jnz 2f
1:  incl %ss:SHARED_KERNEL_ENTRIES(%eax)
    pop %ecx
    xor %eax, %eax /* PV_OK */
    add $8, %esp
    iret
2:  pop %ecx
3:  mov $HC_IRQ_SYNC, %eax
    jmp trap_common

/*
 * The local APIC timer (vector 0x40) on the boot CPU. From a partition,
 * when the record (timer_fast.h; x86_fast_timer, time.c) names it, the
 * interrupt is served here if all it would do in the kernel is expire that
 * partition's wall-clock timer once, deliver the lines and arm the timer
 * for the next deadline. What the partition or the time may have changed
 * since the record was written is checked first: output queued (a drain),
 * console input on the UART, the TSC before the timer's deadline (early) or
 * at or past the limit (the run's end, or a second expiration of a
 * periodic timer), upcalls disabled or the timer's line masked, the
 * partition in its upcall restore section (arch_upcall_push() first
 * finishes that return), no room for the upcall frame in the area the last
 * frame was found in (p->ctx.frame_area: what uaccess_ptr_cached() accepts
 * at once; anything else, even a frame uaccess_ptr() would accept, goes
 * the full way, which pushes it or stops the partition). Any of these
 * takes the full path with nothing changed. docs/performance.md ("Timer
 * fast paths") says why the rest may be skipped.
 * The frame is the partition's struct x86_frame: pusha fills its register
 * slots as trap_common would, and the kernel is reached through %ss (the
 * partition's %ds may be any selector). The flags need no cld: no string
 * instruction here.
 */
#define F(x) (FRAME_##x - FRAME_EDI)
#define LAPIC_EOI  0xfee000b0
#define LAPIC_INIT 0xfee00380
#define COM1_LSR   0x3fd
timer_entry:
    testl $EFLAGS_VM, 16(%esp)
    jnz trap_common
    testl $3, 12(%esp)
    jz trap_common /* the idle loop */
    pusha
    mov %ss:fast_timer + FAST_PART, %ebx
    test %ebx, %ebx
    jz timer_full
    cmpl $0, %ss:PART_CONSOLE_LEN(%ebx)
    jne timer_full
    mov $COM1_LSR, %dx
    inb %dx, %al
    test $1, %al /* data ready */
    jnz timer_full
    /* fire <= now < limit, in TSC ticks */
    rdtsc
    mov %eax, %ecx
    mov %edx, %esi
    sub %ss:x86_fast_timer + X86_FAST_FIRE, %ecx
    sbb %ss:x86_fast_timer + X86_FAST_FIRE + 4, %esi
    jb timer_full
    sub %ss:x86_fast_timer + X86_FAST_LIMIT, %eax
    sbb %ss:x86_fast_timer + X86_FAST_LIMIT + 4, %edx
    jae timer_full
    /* Deliverable: upcalls enabled, the timer's line unmasked. */
    mov %ss:PART_SHARED(%ebx), %edi
    cmpl $0, %ss:SHARED_IRQ_LEVEL(%edi)
    jne timer_full
    mov %ss:SHARED_IRQ_MASK(%edi), %ebp
    test $IRQ_TIMER_BIT, %ebp
    jnz timer_full
    /* Not in the restore section (upcall.c, finish_guest_return). */
    mov F(EIP)(%esp), %eax
    sub %ss:PART_UPCALL_ENTRY(%ebx), %eax
    sub $RESTORE_START, %eax
    cmp $RESTORE_LEN, %eax
    jb timer_full
    /* The frame where arch_upcall_push() puts it: (esp - 48) & ~15, an
     * esp of at least 64, inside the remembered area. */
    mov F(ESP)(%esp), %esi
    cmp $UPCALL_FRAME_SIZE + 20, %esi
    jb timer_full
    sub $UPCALL_FRAME_SIZE + 4, %esi
    and $~15, %esi /* va */
    mov %esi, %eax
    sub %ss:PART_AREA_VIRT(%ebx), %eax
    mov %ss:PART_AREA_SIZE(%ebx), %edx
    cmp %edx, %eax
    jae timer_full /* off >= size */
    sub %eax, %edx
    cmp $UPCALL_FRAME_SIZE, %edx
    jb timer_full /* size - off < the frame */
    add %ss:PART_AREA_KERNEL(%ebx), %eax /* the frame's kernel address */
    /* Served from here on. The interrupt acknowledged; the line raised
     * and, with every other unmasked pending one, delivered. */
    movl $0, %ss:LAPIC_EOI
    mov %ss:SHARED_IRQ_PENDING(%edi), %edx
    or $IRQ_TIMER_BIT, %edx
    mov %ebp, %ecx
    not %ecx
    and %edx, %ecx /* the lines delivered */
    and %ebp, %edx /* what stays pending: the masked ones */
    mov %edx, %ss:SHARED_IRQ_PENDING(%edi)
    movl $1, %ss:SHARED_IRQ_LEVEL(%edi)
    incl %ss:SHARED_WALL_EXPIRATIONS(%edi)
    incl %ss:SHARED_KERNEL_ENTRIES(%edi)
    /* The upcall frame (pv/arch.h), as arch_upcall_push() writes it. */
    mov %ecx, %ss:UPCALL_LINES(%eax)
    mov F(EDI)(%esp), %ecx
    mov %ecx, %ss:UPCALL_EDI(%eax)
    mov F(ESI)(%esp), %ecx
    mov %ecx, %ss:UPCALL_ESI(%eax)
    mov F(EBP)(%esp), %ecx
    mov %ecx, %ss:UPCALL_EBP(%eax)
    mov F(EBX)(%esp), %ecx
    mov %ecx, %ss:UPCALL_EBX(%eax)
    mov F(EDX)(%esp), %ecx
    mov %ecx, %ss:UPCALL_EDX(%eax)
    mov F(ECX)(%esp), %ecx
    mov %ecx, %ss:UPCALL_ECX(%eax)
    mov F(EAX)(%esp), %ecx
    mov %ecx, %ss:UPCALL_EAX(%eax)
    mov F(EIP)(%esp), %ecx
    mov %ecx, %ss:UPCALL_EIP(%eax)
    mov F(EFLAGS)(%esp), %ecx
    and $EFLAGS_USER_MASK, %ecx
    mov %ecx, %ss:UPCALL_EFLAGS(%eax)
    mov F(ESP)(%esp), %ecx
    mov %ecx, %ss:UPCALL_ESP(%eax)
    /* The partition resumes in its upcall entry: %esp = %eax = the frame,
     * DF clear (the C convention), interrupts on. */
    mov %esi, F(ESP)(%esp)
    mov %esi, F(EAX)(%esp)
    mov %ss:PART_UPCALL_ENTRY(%ebx), %ecx
    mov %ecx, F(EIP)(%esp)
    movl $EFLAGS_RESERVED_IF, F(EFLAGS)(%esp)
    /* The wall timer expired once: a one-shot one disarmed, a periodic one
     * advanced by its period (vtimer_expire()). %ecx:%ebp = limit, the
     * deadline to arm. */
    mov %ss:x86_fast_timer + X86_FAST_LIMIT, %ecx
    mov %ss:x86_fast_timer + X86_FAST_LIMIT + 4, %ebp
    mov %ss:x86_fast_timer + X86_FAST_PERIOD, %edx
    test %edx, %edx
    jnz 1f
    movl $0, %ss:PART_WALL_ARMED(%ebx)
    jmp 3f
1:  mov %ss:fast_timer + FAST_PERIOD_NS, %eax
    mov %ss:fast_timer + FAST_PERIOD_NS + 4, %esi
    add %eax, %ss:PART_WALL_DEADLINE(%ebx)
    adc %esi, %ss:PART_WALL_DEADLINE + 4(%ebx)
    add %eax, %ss:fast_timer + FAST_DEADLINE_NS
    adc %esi, %ss:fast_timer + FAST_DEADLINE_NS + 4
    /* The next deadline (limit) before the run's end: the record stays,
     * fire = limit, limit = min(limit + period, end). */
    mov %ecx, %eax
    mov %ebp, %esi
    sub %ss:x86_fast_timer + X86_FAST_END, %eax
    sbb %ss:x86_fast_timer + X86_FAST_END + 4, %esi
    jae 3f
    mov %ecx, %ss:x86_fast_timer + X86_FAST_FIRE
    mov %ebp, %ss:x86_fast_timer + X86_FAST_FIRE + 4
    xor %esi, %esi
    add %ecx, %edx
    adc %ebp, %esi /* %edx:%esi = limit + period */
    mov %edx, %eax
    mov %esi, %edi
    sub %ss:x86_fast_timer + X86_FAST_END, %eax
    sbb %ss:x86_fast_timer + X86_FAST_END + 4, %edi
    jb 2f
    mov %ss:x86_fast_timer + X86_FAST_END, %edx
    mov %ss:x86_fast_timer + X86_FAST_END + 4, %esi
2:  mov %edx, %ss:x86_fast_timer + X86_FAST_LIMIT
    mov %esi, %ss:x86_fast_timer + X86_FAST_LIMIT + 4
    jmp 4f
    /* The run's end next: the record is used up. */
3:  movl $0, %ss:fast_timer + FAST_PART
    /* The timer armed for %ecx:%ebp: the TSC ticks from now (the local
     * APIC counts at the TSC's rate), at least 1. */
4:  rdtsc
    sub %eax, %ecx
    sbb %edx, %ebp
    jb 5f
    test %ecx, %ecx
    jnz 6f
5:  mov $1, %ecx
6:  mov %ecx, %ss:LAPIC_INIT
    popa
    add $8, %esp
    iret
timer_full:
    popa
    jmp trap_common

/*
 * The local APIC timer on an application processor (its IDT, desc.c):
 * x86_ap_timer() counts the AP's frame starts, then does what x86_trap()
 * does for a timer interrupt.
 */
    .balign 16
    .global x86_ap_vector_timer
x86_ap_vector_timer:
    push $0
    push $0x40 /* VECTOR_TIMER */
    save_and_call x86_ap_timer
    jmp x86_resume

/*
 * The boot CPU's timer where partitions move between CPUs (smp.c): the
 * entry of x86_trap() between the handover's two steps.
 */
    .balign 16
    .global x86_boot_vector_timer
x86_boot_vector_timer:
    push $0
    push $0x40 /* VECTOR_TIMER */
    save_and_call x86_boot_timer
    jmp x86_resume

/*
 * NMI, #DF and #MC arrive by task switch (desc.c): ring 0, interrupts off,
 * a fresh stack of their own, the vector in %eax (#DF's error code, always
 * 0, on that stack). Nothing of the interrupted state is trusted; the C
 * side reports and panics.
 */
    .global x86_fault_task_entry
x86_fault_task_entry:
    and $-16, %esp
    sub $12, %esp
    push %eax
    call x86_fault_task
1:  cli
    hlt
    jmp 1b

/* Vectors where the CPU pushes an error code: 8, 10-14, 17, 21, 29, 30. */
.macro vector n
    .balign 16
vector_\n:
    .if (\n == 8) || ((\n >= 10) && (\n <= 14)) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
    .else
    push $0
    .endif
    push $\n
    .if \n == 128
    jmp hcall_entry
    .elseif \n == 0x40
    jmp timer_entry
    .else
    jmp trap_common
    .endif
.endm

    .balign 16
    .global x86_vectors
x86_vectors:
.altmacro
.set i, 0
.rept 256
    vector %i
    .set i, i + 1
.endr

    .section .note.GNU-stack, "", @progbits
