/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Tessera para-virtualization API for guests: one C API on every
 * architecture. Only <pv/arch.h>, the trap binding, differs per arch.
 * docs/pv-api.md is the contract; this header implements its guest side.
 * Nothing here needs privilege.
 */
#ifndef PV_PV_H
#define PV_PV_H

#include <stdint.h>
#include <pv/abi.h>
#include <pv/arch.h>
#include <pv/hcall_words.h>
#include <pv/shared.h>
#include <pv/port.h>
#include <pv/status.h>
#include <pv/hm.h>
#include <pv/trace.h>

/* Keeps the compiler from moving memory accesses across it. */
#define pv_barrier() __asm__ volatile("" ::: "memory")

static inline volatile struct pv_shared *pv_shared(void)
{
    return (volatile struct pv_shared *)PV_SHARED_VA;
}

/* ---- console ---- */

/* Writes len bytes to the partition's console; the kernel tags each line with
 * the partition's name. Returns the number of bytes taken or a PV_E* code. */
static inline int32_t pv_console_write(const char *buf, uint32_t len)
{
    return pv_hcall2(PV_HC_CONSOLE_WRITE, (pv_word_t)(uintptr_t)buf, len);
}

/* Reads up to len bytes of console input (only the partition the
 * configuration names as console input). Returns the count, 0 if none. */
static inline int32_t pv_console_read(char *buf, uint32_t len)
{
    return pv_hcall2(PV_HC_CONSOLE_READ, (pv_word_t)(uintptr_t)buf, len);
}

/* ---- time ---- */

/* Stores the wall clock (ns since boot) at *out_ns, through a trap. */
static inline int32_t pv_time_get(uint64_t *out_ns)
{
    return pv_hcall1(PV_HC_TIME_GET, (pv_word_t)(uintptr_t)out_ns);
}

/* (a * b) >> 32 for 64-bit a and a 32.32 fixed-point b, without 128-bit
 * arithmetic (32-bit guests have none). */
static inline uint64_t pv_mul_shr32(uint64_t a, uint64_t b)
{
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;

    return ((ah * bh) << 32) + ah * bl + al * bh + ((al * bl) >> 32);
}

/* The wall clock in ns since boot, without a trap where the arch allows it. */
static inline uint64_t pv_clock_ns(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t seq;
    uint64_t ns;

    if (!s->counter_valid) {
        pv_time_get(&ns);
        return ns;
    }
    do {
        seq = s->seq;
        pv_barrier();
        ns = s->wall_base_ns + pv_mul_shr32(pv_arch_counter() - s->counter_base, s->counter_mult);
        pv_barrier();
    } while (seq != s->seq || (seq & 1));
    return ns;
}

/* The partition's execution-time clock: ns it has run in its windows. */
static inline uint64_t pv_exec_clock_ns(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t seq;
    uint64_t ns;

    do {
        seq = s->seq;
        pv_barrier();
        ns = s->exec_base_ns + (pv_clock_ns() - s->running_since_ns);
        pv_barrier();
    } while (seq != s->seq || (seq & 1));
    return ns;
}

/* ---- virtual interrupts: masking costs no trap ---- */

/* Disables upcalls; returns the previous level (0 = they were enabled) for
 * pv_irq_restore. */
static inline uint32_t pv_irq_disable(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t level = s->irq_level;

    s->irq_level = 1;
    pv_barrier();
    return level;
}

/* Restores a level pv_irq_disable returned (or sets any level: 0 enables).
 * Enabling traps into the kernel only when an unmasked line is already
 * pending. The pending test comes first: nothing pending is the usual
 * case, and it then decides alone (the level is not tested). */
static inline void pv_irq_restore(uint32_t level)
{
    volatile struct pv_shared *s = pv_shared();

    pv_barrier();
    s->irq_level = level;
    pv_barrier();
    if ((s->irq_pending & ~s->irq_mask) && level == 0) {
        pv_hcall0(PV_HC_IRQ_SYNC);
    }
}

static inline void pv_irq_enable(void)
{
    pv_irq_restore(0);
}

static inline void pv_irq_mask_line(unsigned line)
{
    pv_shared()->irq_mask |= 1u << line;
    pv_barrier();
}

static inline void pv_irq_unmask_line(unsigned line)
{
    volatile struct pv_shared *s = pv_shared();

    pv_barrier();
    s->irq_mask &= ~(1u << line);
    pv_barrier();
    if (s->irq_level == 0 && (s->irq_pending & ~s->irq_mask)) {
        pv_hcall0(PV_HC_IRQ_SYNC);
    }
}

/* Registers the upcall entry (an arch trampoline such as pv_upcall_entry,
 * which calls pv_upcall_handler); 0 turns upcalls off. */
static inline int32_t pv_upcall_set(void (*entry)(void))
{
    return pv_hcall1(PV_HC_UPCALL_SET, (pv_word_t)(uintptr_t)entry);
}

/* Resumes the context saved in an upcall frame. Returns only on error. */
static inline int32_t pv_upcall_return(struct pv_upcall_frame *frame)
{
    return pv_hcall1(PV_HC_UPCALL_RETURN, (pv_word_t)(uintptr_t)frame);
}

/* The arch trampoline to register with pv_upcall_set; it calls the guest's
 * pv_upcall_handler(frame) and then returns from the upcall. */
void pv_upcall_entry(void);
void pv_upcall_handler(struct pv_upcall_frame *frame);

/* ---- virtual timers ---- */

/* Arms the timer of clock (PV_CLOCK_*) to expire at the absolute deadline
 * (ns on that clock) and then every period ns (0: once). Deadline 0
 * disarms. */
static inline int32_t pv_timer_set(uint32_t clock, uint64_t deadline, uint64_t period)
{
    pv_word_t w[5] = {clock}; /* the most words the call takes: 32-bit arches' */

    pv_u64_to_words(&w[PV_TIMER_SET_ARG_DEADLINE], deadline);
    pv_u64_to_words(&w[PV_TIMER_SET_ARG_PERIOD], period);
    return pv_hcall5(PV_HC_TIMER_SET, w[0], w[1], w[2], w[3], w[4]);
}

/* ---- the partition's life ---- */

/* Gives up the CPU until a virtual interrupt is pending and unmasked or the
 * partition's next window begins. Returns 0. */
static inline int32_t pv_idle(void)
{
    return pv_hcall0(PV_HC_IDLE);
}

/* Stops the calling partition for good (until restarted by a system
 * partition). Does not return. */
static inline __attribute__((__noreturn__)) void pv_halt_self(void)
{
    for (;;) {
        pv_hcall0(PV_HC_HALT_SELF);
    }
}

/* Cold restart of the caller. Does not return. */
static inline __attribute__((__noreturn__)) void pv_restart_self(void)
{
    for (;;) {
        pv_hcall0(PV_HC_RESTART_SELF);
    }
}

/* Sets the caller's operating mode: PV_MODE_NORMAL ends initialisation
 * (returns 0); PV_MODE_IDLE halts, PV_MODE_COLD_START restarts cold and
 * PV_MODE_WARM_START restarts keeping data (none of these returns). */
static inline int32_t pv_mode_set(uint32_t mode)
{
    return pv_hcall1(PV_HC_MODE_SET, mode);
}

/* Status of partition id (PV_PART_SELF: the caller). Other partitions: system
 * partitions only. */
static inline int32_t pv_partition_status(uint32_t id, struct pv_partition_status *out)
{
    return pv_hcall2(PV_HC_PART_STATUS, id, (pv_word_t)(uintptr_t)out);
}

/* PV_PART_HALT or PV_PART_RESTART another partition (system partitions). */
static inline int32_t pv_partition_control(uint32_t id, uint32_t op)
{
    return pv_hcall2(PV_HC_PART_CONTROL, id, op);
}

/* Switches the schedule to the plan with configured id at the end of the
 * current major frame (system partitions). */
static inline int32_t pv_plan_switch(uint32_t plan_id)
{
    return pv_hcall1(PV_HC_PLAN_SWITCH, plan_id);
}

/* ---- ports (inter-partition communication) ---- */

/* The handle of the caller's port called name (len bytes, no NUL needed). */
static inline int32_t pv_port_open(const char *name, uint32_t len)
{
    return pv_hcall2(PV_HC_PORT_OPEN, (pv_word_t)(uintptr_t)name, len);
}

/* Sends len bytes on a source port: a sampling port's message is replaced;
 * a full queue refuses with PV_EAGAIN (the caller may wait for PV_IRQ_PORT). */
static inline int32_t pv_port_write(int32_t port, const void *msg, uint32_t len)
{
    return pv_hcall3(PV_HC_PORT_WRITE, (pv_word_t)port, (pv_word_t)(uintptr_t)msg, len);
}

/* Receives into buf (size bytes) from a destination port; returns the
 * message length. PV_EAGAIN if there is none; info (may be NULL) gets its
 * time stamp and, for sampling ports, its validity. */
static inline int32_t pv_port_read(int32_t port, void *buf, uint32_t size,
                                   struct pv_port_message_info *info)
{
    return pv_hcall5(PV_HC_PORT_READ, (pv_word_t)port, (pv_word_t)(uintptr_t)buf, size,
                     (pv_word_t)(uintptr_t)info, 0);
}

static inline int32_t pv_port_status(int32_t port, struct pv_port_status *out)
{
    return pv_hcall2(PV_HC_PORT_STATUS, (pv_word_t)port, (pv_word_t)(uintptr_t)out);
}

/* Discards every message waiting in a queuing destination port. */
static inline int32_t pv_port_clear(int32_t port)
{
    return pv_hcall1(PV_HC_PORT_CLEAR, (pv_word_t)port);
}

/* ---- health monitor ---- */

/* Reports an error the guest detected (PV_HM_STACK_OVERFLOW,
 * PV_HM_DEADLINE_MISSED, PV_HM_APPLICATION_ERROR or PV_HM_FATAL_ERROR) with
 * a detail of its choice, a register word (an address fits whole). Returns
 * 0 when the configured action lets the partition carry on (ignore, log,
 * propagate); otherwise does not return. */
static inline int32_t pv_hm_raise(uint32_t error, pv_word_t detail)
{
    return pv_hcall2(PV_HC_HM_RAISE, error, detail);
}

/* Copies up to max log entries, starting at entry number first (or the
 * oldest one kept, if that is newer), into buf; status (may be NULL) gets
 * the log's state. Returns the number copied (system partitions). */
static inline int32_t pv_hm_log_read(uint32_t first, struct pv_hm_entry *buf, uint32_t max,
                                     struct pv_hm_log_status *status)
{
    return pv_hcall5(PV_HC_HM_LOG_READ, first, (pv_word_t)(uintptr_t)buf, max,
                     (pv_word_t)(uintptr_t)status, 0);
}

/* ---- event trace (docs/trace-format.md) ---- */

/* Records an event of kind 256..511 (PV_TRACE_TASK_SWITCH ... or the
 * guest's own) with a and b in the system's trace; the kernel adds the
 * time and the caller's partition. Returns 0, or PV_ENOENT when the
 * system does not trace the guest class. */
static inline int32_t pv_trace_event(uint32_t kind, uint32_t a, uint64_t b)
{
    pv_word_t w[4] = {kind, a}; /* the most words the call takes: 32-bit arches' */

    pv_u64_to_words(&w[2], b);
    return pv_hcall5(PV_HC_TRACE_EVENT, w[0], w[1], w[2], w[3], 0);
}

/* Copies up to max records (at most PV_TRACE_READ_MAX), from record number
 * first, into buf; status (may be NULL) gets the counts. Returns the
 * number copied (system partitions). */
static inline int32_t pv_trace_read(uint32_t first, struct pv_trace_record *buf, uint32_t max,
                                    struct pv_trace_status *status)
{
    return pv_hcall5(PV_HC_TRACE_READ, first, (pv_word_t)(uintptr_t)buf, max,
                     (pv_word_t)(uintptr_t)status, 0);
}

#endif
