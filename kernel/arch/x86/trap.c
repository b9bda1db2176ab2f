/* SPDX-License-Identifier: BSD-2-Clause */
/* Every entry into the kernel after boot arrives in x86_trap(). */
#include <stddef.h>
#include "arch.h"
#include "kernel.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "pv/abi.h"
#include "x86.h"

/* Every exception vector a partition can cause: its name, and the health
 * monitor's class of it (docs/pv-api.md). With flat segments, #GP from
 * ring 3 comes from an instruction or selector only the kernel may use. A
 * vector without a name here is an "exception" of class illegal
 * instruction. */
struct x86_trap_kind {
    const char *name;
    uint32_t hm_class; /* PV_HM_* */
};

static const struct x86_trap_kind trap_kinds[VECTOR_EXCEPTIONS] = {
    [VECTOR_DE] = {"#DE divide error", PV_HM_DIVIDE_ERROR},
    [1] = {"#DB debug", PV_HM_ILLEGAL_INSTRUCTION},
    [VECTOR_NMI] = {"NMI", PV_HM_ILLEGAL_INSTRUCTION},
    [3] = {"#BP breakpoint", PV_HM_ILLEGAL_INSTRUCTION},
    [4] = {"#OF overflow", PV_HM_ILLEGAL_INSTRUCTION},
    [5] = {"#BR bound range", PV_HM_ILLEGAL_INSTRUCTION},
    [6] = {"#UD invalid opcode", PV_HM_ILLEGAL_INSTRUCTION},
    [VECTOR_NM] = {"#NM FPU not available", PV_HM_FPU_ERROR},
    [VECTOR_DF] = {"#DF double fault", PV_HM_ILLEGAL_INSTRUCTION},
    [9] = {"coprocessor segment overrun", PV_HM_ILLEGAL_INSTRUCTION},
    [10] = {"#TS invalid TSS", PV_HM_PRIVILEGED_INSTRUCTION},
    [11] = {"#NP segment not present", PV_HM_PRIVILEGED_INSTRUCTION},
    [12] = {"#SS stack fault", PV_HM_MEMORY_VIOLATION},
    [13] = {"#GP general protection", PV_HM_PRIVILEGED_INSTRUCTION},
    [VECTOR_PF] = {"#PF page fault", PV_HM_MEMORY_VIOLATION},
    [15] = {"reserved 15", PV_HM_ILLEGAL_INSTRUCTION},
    [16] = {"#MF x87 FPU error", PV_HM_FPU_ERROR},
    [17] = {"#AC alignment check", PV_HM_MISALIGNED_ACCESS},
    [VECTOR_MC] = {"#MC machine check", PV_HM_ILLEGAL_INSTRUCTION},
    [19] = {"#XM SIMD FPU error", PV_HM_FPU_ERROR},
    [20] = {"#VE virtualization", PV_HM_ILLEGAL_INSTRUCTION},
    [21] = {"#CP control protection", PV_HM_ILLEGAL_INSTRUCTION},
};

static const struct x86_trap_kind *trap_kind(uint32_t vector)
{
    return vector < VECTOR_EXCEPTIONS && trap_kinds[vector].name ? &trap_kinds[vector] : NULL;
}

/* The idle loop runs in ring 0 with interrupts on, on its own stack. Its
 * first frame sits at the top; a ring-0 iret pops no esp/ss, so the idle
 * loop's stack starts where the frame's esp field is. */
static struct {
    uint8_t stack[4096];
    struct x86_frame frame;
} idle_area ARCH_PER_CPU __attribute__((aligned(16))); /* each CPU its own */

__attribute__((noreturn)) static void idle_loop(void)
{
    for (;;) {
        /* The spin's back edge ends QEMU's translation block with
         * interrupts on, which is where QEMU takes a pending interrupt. */
        if (x86_idle_state == IDLE_SPIN) {
            __asm__ volatile("sti\n1:\tpause\n\tcmpl %1, %0\n\tje 1b\n\tcli"
                             :
                             : "m"(x86_idle_state), "i"(IDLE_SPIN)
                             : "memory");
        } else {
            __asm__ volatile("sti\n\thlt\n\tcli");
        }
    }
}

/* A fresh ring-0 frame that starts the idle loop on an empty idle stack.
 * Safe to build only while not running on the idle stack. */
static struct x86_frame *idle_frame(void)
{
    struct x86_frame *f = &idle_area.frame;

    memset(f, 0, offsetof(struct x86_frame, esp));
    f->ds = f->es = f->fs = f->gs = KERNEL_DS;
    f->cs = KERNEL_CS;
    f->eip = (uint32_t)(uintptr_t)idle_loop;
    f->eflags = EFLAGS_RESERVED | EFLAGS_IF;
    return f;
}

static uint32_t fault_class(uint32_t vector)
{
    const struct x86_trap_kind *k = trap_kind(vector);

    return k ? k->hm_class : PV_HM_ILLEGAL_INSTRUCTION;
}

static void describe_fault(const struct x86_frame *f, char *buf, size_t size)
{
    const struct x86_trap_kind *k = trap_kind(f->vector);
    const char *name = k ? k->name : "exception";

    if (f->vector == VECTOR_PF) {
        ksnprintf(buf, size, "%s at eip=%08x: %s of %08x (%s)", name, f->eip,
                  (f->error & 2) ? "write" : "read", read_cr2(),
                  (f->error & 1) ? "protection violation" : "not mapped");
    } else {
        ksnprintf(buf, size, "%s at eip=%08x error=%x", name, f->eip, f->error);
    }
}

/* Decides the context to resume after the kernel has handled an entry;
 * idle_frame_in is the interrupted idle loop's frame, or NULL. */
/* The context (partition, or NULL for idle) the address space, the FPU
 * trap and the TSS are set up for. They change only when it does, so that a
 * hypercall does not reload CR3 (a TLB flush) and CR0 on every return. */
static const struct partition *installed ARCH_PER_CPU;
static bool installed_valid ARCH_PER_CPU;

static struct x86_frame *resume(struct x86_frame *idle_frame_in)
{
    struct partition *next = kernel_current();

    if (!installed_valid || next != installed) {
        x86_fpu_switch_to(next);
        if (next) {
            x86_mmu_switch(next);
            x86_set_kernel_stack((uint32_t)(uintptr_t)(&next->ctx.frame + 1));
        } else {
            x86_mmu_switch_kernel();
        }
        installed = next;
        installed_valid = true;
    }
    if (next) {
        return &next->ctx.frame;
    }
    /* Idle goes on where it was if that is what was interrupted. */
    return idle_frame_in ? idle_frame_in : idle_frame();
}

/* p's slot on this CPU has ended and another CPU will run it next
 * (handover.h): nothing of it stays in use here. The timer entry that ends
 * the slot has normally resumed another context already, which did both;
 * this makes it so whatever the order. */
void arch_context_save(struct partition *p)
{
    x86_fpu_save_for_handover(p);
    if (installed == p) {
        x86_mmu_switch_kernel();
        installed_valid = false; /* the next resume installs whatever it resumes */
    }
}

/* Everything but a hypercall or the timer: kept out of x86_trap() so that
 * the two frequent paths do not set up this one's stack buffer. */
__attribute__((noinline)) static struct x86_frame *other_trap(struct x86_frame *f, bool from_user)
{
    struct partition *p;
    char why[128];

    if (f->vector == VECTOR_SPURIOUS ||
        (f->vector >= VECTOR_PIC_FIRST && f->vector < VECTOR_PIC_END)) {
        return f; /* spurious local APIC or masked legacy PIC interrupt */
    }
    if (!from_user) {
        describe_fault(f, why, sizeof(why));
        panic("kernel trap: %s", why);
    }
    if (f->vector == VECTOR_NM && x86_fpu_trap(kernel_current()) == 0) {
        return f;
    }
    describe_fault(f, why, sizeof(why));
    p = kernel_current();
    kernel_on_fault(fault_class(f->vector), f->eip, f->vector == VECTOR_PF ? read_cr2() : 0, why);
    /* Stopped: its FPU state is of no use any more. (A restart releases
     * it when the new context is made; a partition that goes on keeps it.) */
    if (p->state == PART_STOPPED || p->state == PART_HALTED) {
        x86_fpu_release(p);
    }
    return resume(NULL);
}

_Static_assert(offsetof(struct arch_context, frame) ==
                   sizeof(((struct arch_context *)0)->v86_spill),
               "a V86 frame must land in v86_spill, right below the partition's frame");

/* A trap from virtual-8086 mode, which a partition entered by iret with
 * EFLAGS.VM (QEMU allows that from ring 3). The frame is 16 bytes lower
 * than a ring-3 frame and its segment fields are real-mode values: move it
 * where the partition's frame belongs, make it a plain ring-3 frame again,
 * and report the partition's fault (the interrupt, if it was one, is then
 * handled as usual). */
__attribute__((noinline)) static struct x86_frame *v86_trap(struct x86_frame *f)
{
    struct partition *p = kernel_current();
    struct x86_frame *pf;
    char what[96], why[160];

    if (!p || f != (struct x86_frame *)(void *)p->ctx.v86_spill) {
        panic("kernel trap: virtual-8086 frame at %08x", (uint32_t)(uintptr_t)f);
    }
    pf = &p->ctx.frame;
    memmove(pf, f, sizeof(*pf));
    describe_fault(pf, what, sizeof(what));
    ksnprintf(why, sizeof(why), "virtual-8086 mode entered by iret, then %s (cs=%04x)", what,
              pf->cs & 0xffff);
    pf->eflags &= ~EFLAGS_VM;
    pf->cs = USER_CS;
    pf->ss = pf->ds = pf->es = pf->fs = pf->gs = USER_DS;
    kernel_note_entry();
    kernel_on_fault(PV_HM_PRIVILEGED_INSTRUCTION, pf->eip, pf->vector == VECTOR_PF ? read_cr2() : 0,
                    why);
    if (p->state == PART_STOPPED || p->state == PART_HALTED) {
        x86_fpu_release(p);
    }
    if (pf->vector == VECTOR_TIMER) {
        x86_timer_eoi();
        kernel_on_timer();
    }
    return resume(NULL);
}

struct x86_frame *x86_trap(struct x86_frame *f)
{
    bool from_user = (f->cs & 3) != 0;

    if (f->eflags & EFLAGS_VM) {
        return v86_trap(f);
    }

    if (from_user) {
        kernel_note_entry();
        if (f->vector == VECTOR_HCALL) {
            kernel_on_hypercall();
            return resume(NULL);
        }
    }
    if (f->vector == VECTOR_TIMER) {
        x86_timer_eoi();
        if (x86_idle_timer(!from_user)) {
            return f;
        }
        kernel_on_timer();
        return resume(from_user ? NULL : f);
    }
    return other_trap(f, from_user);
}

/* NMI, #DF or #MC, by task switch on a stack of its own (desc.c). A
 * separation kernel cannot tell what such an event hit, so it stops:
 * an NMI means a hardware or watchdog signal nobody configured, #MC a
 * hardware error, #DF a kernel bug such as a kernel stack fault. */
__attribute__((noreturn)) void x86_fault_task(uint32_t vector);
void x86_fault_task(uint32_t vector)
{
    uint32_t eip, esp;

    x86_interrupted_task(&eip, &esp);
    panic("%s (task gate) at eip=%08x esp=%08x", trap_kinds[vector % VECTOR_EXCEPTIONS].name, eip,
          esp);
}

struct x86_frame *x86_first_frame(void)
{
    return resume(NULL);
}
