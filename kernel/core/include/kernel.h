/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's event flow. The arch layer turns every entry into the kernel
 * (timer interrupt, hypercall, fault in a partition) into one of the calls
 * below, then resumes kernel_current(): a partition, or the idle loop when
 * it returns NULL.
 */
#ifndef TESSERA_KERNEL_H
#define TESSERA_KERNEL_H

#include <stdint.h>
#include "arch_word.h"

struct partition;

/* Boots the arch-neutral kernel: partitions, schedule, first timer. */
void kernel_start(void);

/* An application processor, cpu (1 .. cpus - 1), once kernel_start() has
 * run on the boot CPU with its first frame at epoch: its own window table
 * starts on the same frame grid (docs/architecture.md, "Multicore"). */
void kernel_start_cpu(uint32_t cpu, uint64_t epoch);

/* Counts an entry into the kernel from the running partition (called by
 * the arch first thing on every trap from user mode). */
void kernel_note_entry(void);

/* The schedule timer fired. */
void kernel_on_timer(void);

/* The current partition made a hypercall. */
void kernel_on_hypercall(void);

/* The current partition caused an exception of class error (PV_HM_*) at
 * instruction pc; addr is the data address it concerns (memory violation,
 * misaligned access) or 0; what describes it for the console. The health
 * monitor decides what happens; the partition may go on. */
void kernel_on_fault(uint32_t error, arch_addr_t pc, arch_addr_t addr, const char *what);

/* The running partition as the last full entry left it (NULL: idle), for
 * the arch's hypercall gate: a null hypercall (PV_HC_IRQ_SYNC with nothing
 * to deliver) of this partition may return at once - counted in
 * kernel_entries, PV_OK - without kernel_on_hypercall(), provided its
 * console ring is empty and no port copy is under way (console.len and
 * port_call both 0), because then everything that call would do on the
 * way out has already been done by the entry that set this. Written at the
 * end of every full entry (docs/performance.md, "Fast paths"). */
extern struct partition *kernel_fast_exit_partition;

/* The partition to run now, or NULL for the idle loop. */
struct partition *kernel_current(void);

#endif
