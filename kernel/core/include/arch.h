/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the arch-neutral kernel needs from an architecture. Each arch
 * (kernel/arch/<arch>) implements exactly these, and defines the types in
 * its own <arch_types.h>.
 */
#ifndef TESSERA_ARCH_H
#define TESSERA_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include "arch_types.h"
#include "arch_word.h"
#include "pv/word.h"

/* A register holds what the API calls a word (pv/word.h of the arch). */
_Static_assert(sizeof(arch_word_t) == sizeof(pv_word_t), "arch_word_t is not pv_word_t");

struct partition;
struct pv_shared;

/* Console output of the kernel itself (polled, never blocks for long). */
void arch_console_putc(char c);

/* Partition output: writes byte c to the console UART as it is (no line-end
 * translation) if the UART can take it at once, and returns true; returns
 * false, writing nothing, when the UART is busy. Never waits. */
bool arch_console_try_putc(char c);

/* A byte of console input, or -1 if none is waiting (polled). */
int arch_console_getc(void);

/* Monotonic time since boot in ns. */
uint64_t arch_time_ns(void);

/* Arms the one-shot schedule timer to interrupt at (or just after) the
 * absolute time deadline_ns; a deadline in the past interrupts at once. */
void arch_timer_arm(uint64_t deadline_ns);
/* Like arch_timer_arm(), when nothing runs until deadline_ns (the guard
 * band before another partition's window): the interrupt must come at the
 * same point after the deadline whatever the instant of the call, which
 * earlier kernel entries of another partition decide. */
void arch_timer_arm_idle(uint64_t deadline_ns);
/* Returns once arch_time_ns() would be at or past ns, having spun with
 * interrupts off (the prepared window start, ARCH_WINDOW_PREPARE_NS): it
 * must return within a few instructions of that time. */
void arch_wait_until(uint64_t ns);

/* Kernel-accessible address of physical address phys (within RAM). */
void *arch_phys_to_kernel(arch_addr_t phys);

/* Builds the address space of p from its configured areas and maps its
 * control page (p->shared) at PV_SHARED_VA. Returns 0, or a negative value
 * when the arch cannot map the configuration. */
int arch_space_build(struct partition *p);

/* True once arch_space_build(p) has succeeded. */
bool arch_space_ready(const struct partition *p);

/* Sets p's saved context so that it starts at entry in user mode. */
void arch_context_reset(struct partition *p, arch_addr_t entry);

/* Hypercall arguments and result in p's saved context. */
/* A 64-bit argument (arch_hcall_arg64) is the one whose first word is
 * argument index: in one word where the arch's words hold it, else low
 * word at index and high word at index + 1 (PV_U64_WORDS of
 * pv/hcall_words.h). An arch that defines ARCH_HCALL_INLINE in its
 * arch_types.h reads them inline from the saved context (x86: every
 * hypercall's arguments without a call). */
#ifdef ARCH_HCALL_INLINE
#define arch_hcall_number(p)        arch_context_hcall_number(&(p)->ctx)
#define arch_hcall_arg(p, index)    arch_context_hcall_arg(&(p)->ctx, (index))
#define arch_hcall_arg64(p, index)  arch_context_hcall_arg64(&(p)->ctx, (index))
#define arch_hcall_return(p, value) arch_context_hcall_return(&(p)->ctx, (value))
#else
arch_word_t arch_hcall_number(const struct partition *p);
arch_word_t arch_hcall_arg(const struct partition *p, unsigned index);
uint64_t arch_hcall_arg64(const struct partition *p, unsigned index);
void arch_hcall_return(struct partition *p, int32_t value);
#endif

/* Makes p execute the trap instruction of the hypercall being handled
 * again when it resumes, with its registers as they are (HCALL_AGAIN). */
void arch_hcall_restart(struct partition *p);

/* Saves p's user context on p's stack as an upcall frame carrying lines and
 * continues p at p->upcall_entry. Returns -1, changing nothing, when the
 * frame does not fit in a writable area of p at its stack pointer. */
int arch_upcall_push(struct partition *p, uint32_t lines);

/* Restores p's user context from the upcall frame at frame_va (a guest
 * address). Returns 0, or PV_EFAULT when the frame is not readable. */
int arch_upcall_pop(struct partition *p, arch_addr_t frame_va);

/* Fills in the clock fields of a control page so that the guest can turn
 * its user-readable counter into wall time; called at each window start,
 * in a kernel entry that has read the time (arch_time_ns()). */
void arch_clock_publish(struct pv_shared *s);

/* Takes the lock word *lock (0 free, 1 held) if it is free and returns
 * true; returns false when another CPU holds it. Never waits: a caller that must
 * wait spins a bounded number of times (console.c). On one CPU, where the
 * kernel is not preemptible, a plain test and store. */
bool arch_lock_try(volatile uint32_t *lock);
/* Frees *lock; what was written under it is visible first. */
void arch_lock_release(volatile uint32_t *lock);

/* Sets bits in *word in one indivisible step with respect to the other
 * CPUs (never waits: x86's locked OR). On one CPU a plain OR. */
void arch_atomic_or(volatile uint32_t *word, uint32_t bits);
/* Clears bit number bit (0..31) of *word in one indivisible step and
 * returns whether it was set (never waits: x86's locked BTR). */
bool arch_atomic_test_clear(volatile uint32_t *word, uint32_t bit);

/* A spin-wait's pause (x86 `pause`): also where QEMU's round robin may run
 * another CPU. Nothing on the one-CPU arches. */
void arch_cpu_relax(void);

/* A partition that moves between CPUs (handover.h). arch_context_save(p):
 * p's slot on this CPU has ended; nothing of p may stay in this CPU's
 * registers or be in use by it (x86: its FPU state saved, its page
 * directory no longer loaded), as another CPU will run p next.
 * arch_context_take(p, cpu): CPU cpu (this one) is about to run p, whose
 * context another CPU may have saved last (x86: p's page directory gets
 * this CPU's per-CPU entry). Neither is called on one CPU. */
void arch_context_save(struct partition *p);
void arch_context_take(struct partition *p, uint32_t cpu);

/* Ends the system: code 0 is an orderly shutdown, anything else a failure. */
__attribute__((noreturn)) void arch_shutdown(int code);

#endif
