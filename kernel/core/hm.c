/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdbool.h>
#include <stddef.h>
#include "hm.h"
#include "hm_index.h"
#include "arch.h"
#include "cfg.h"
#include "console.h"
#include "hcall.h"
#include "kformat.h"
#include "kprintf.h"
#include "kstring.h"
#include "lock.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/hm.h"
#include "trace.h"
#include "uaccess.h"
#include "virq.h"

_Static_assert(PV_HM_ERROR_COUNT <= CFG_HM_ERRORS, "cfg.h tables too small for the error ids");

/* What an error gets when neither table names it (pv/abi_list.h). */
static const uint8_t default_actions[PV_HM_ERROR_COUNT] = PV_HM_DEFAULT_ACTIONS;

static const char *const error_names[PV_HM_ERROR_COUNT] = PV_HM_ERROR_NAMES;

static const char *const action_names[] = PV_HM_ACTION_NAMES;

_Static_assert(HM_LOG_ENTRIES(CFG_MAX_PARTITIONS) < HM_NO_SLOT, "slot numbers fit, one means none");

/* The entries kept, in slots linked oldest first (ascending seq, with gaps
 * where records were dropped). Each partition may hold at most
 * hm_log_share() of them: a partition at its share that logs again loses
 * its own oldest record, so one that raises errors in a loop never pushes
 * out another's. Each kept entry is also linked to the next one of its
 * partition, so that appending and dropping cost the same whatever the
 * log holds (an error is raised in the kernel path of any fault: its cost
 * is every neighbour's window-start jitter). */
/* The slots are hm_log_entries[] and its links hm_log_next_slot[],
 * hm_log_prev_slot[] and hm_log_next_own[] (hm.h), hm_log_size of each. */
static hm_log_slot log_oldest = HM_NO_SLOT, log_newest = HM_NO_SLOT;
static hm_log_slot log_free_head; /* free slots, linked by hm_log_next_slot */
static uint32_t log_never_used;   /* slots at and above it were never used */
static uint32_t log_next;         /* number of the next entry */
static uint32_t log_count;        /* entries kept, <= hm_log_size */
static uint32_t log_overwritten;
static uint32_t ignored_total;
static bool module_reset_pending ARCH_PER_CPU; /* each CPU its own errors' */

/* The rules tessera-config enforces, checked again because isolation
 * rests on them: propagate needs a partition to propagate to, module
 * actions belong to the module, and a restart loop must end. */
static bool action_valid(uint32_t error, uint32_t action, bool module_level)
{
    if (action == CFG_HM_DEFAULT) {
        return !module_level;
    }
    /* cppcheck-suppress knownConditionTrueFalse ; kept should CFG_HM_DEFAULT move */
    if (action < PV_HM_ACTION_IGNORE || action > PV_HM_ACTION_RESET_MODULE) {
        return false;
    }
    if (module_level ? action == PV_HM_ACTION_PROPAGATE
                     : action == PV_HM_ACTION_HALT_MODULE || action == PV_HM_ACTION_RESET_MODULE) {
        return false;
    }
    if (error == PV_HM_RESTART_LOOP) {
        return action == PV_HM_ACTION_HALT || action == PV_HM_ACTION_HALT_MODULE ||
               action == PV_HM_ACTION_RESET_MODULE;
    }
    return true;
}

/* A partition's action for a propagated error that found no handler:
 * one that stays with the partition and ends the propagation. */
static int unhandled_valid(uint32_t action)
{
    return action >= PV_HM_ACTION_IGNORE && action <= PV_HM_ACTION_WARM_RESTART;
}

void hm_init(void)
{
    for (uint32_t e = 0; e < CFG_HM_ERRORS; e++) {
        uint32_t a = cfg_system.hm_module[e];

        if (e >= PV_HM_ERROR_COUNT ? a != CFG_HM_DEFAULT
                                   : a != CFG_HM_DEFAULT && !action_valid(e, a, true)) {
            panic("health monitor: module action %u invalid for error %u", a, e);
        }
        for (uint32_t i = 0; i < cfg_system.num_partitions; i++) {
            a = cfg_system.partitions[i].hm[e];
            if (e >= PV_HM_ERROR_COUNT ? a != CFG_HM_DEFAULT : !action_valid(e, a, false)) {
                panic("health monitor: partition %s: action %u invalid for error %u",
                      cfg_system.partitions[i].name, a, e);
            }
            /* An unhandled action belongs to an error the partition propagates. */
            if (cfg_system.partitions[i].hm_unhandled[e] != CFG_HM_DEFAULT &&
                (a != PV_HM_ACTION_PROPAGATE ||
                 !unhandled_valid(cfg_system.partitions[i].hm_unhandled[e]))) {
                panic("health monitor: partition %s: unhandled action %u invalid for error %u",
                      cfg_system.partitions[i].name, cfg_system.partitions[i].hm_unhandled[e], e);
            }
        }
    }
}

uint32_t hm_configured_action(const struct cfg_partition *cfg, uint32_t error)
{
    uint32_t a = cfg->hm[error];

    if (a == CFG_HM_DEFAULT) {
        a = cfg_system.hm_module[error];
    }
    if (a == CFG_HM_DEFAULT) {
        a = default_actions[error];
    }
    return a;
}

uint32_t hm_action(const struct partition *p, uint32_t error)
{
    return hm_configured_action(p->cfg, error);
}

/* Entries one partition may keep: the ring split evenly among the
 * configured partitions (every entry belongs to one; the kernel logs none of
 * its own). Shares never add up to more than the ring. */
static uint32_t hm_log_share(void)
{
    uint32_t n = cfg_system.num_partitions;

    return n ? hm_log_size / n : hm_log_size;
}

/* Unlinks p's oldest entry from the log and frees its slot. */
static void log_drop_oldest_of(struct partition *p)
{
    uint32_t i = p->hm_log_oldest;
    hm_log_slot prev = hm_log_prev_slot[i], next = hm_log_next_slot[i];

    if (prev == HM_NO_SLOT) {
        log_oldest = next;
    } else {
        hm_log_next_slot[prev] = next;
    }
    if (next == HM_NO_SLOT) {
        log_newest = prev;
    } else {
        hm_log_prev_slot[next] = prev;
    }
    hm_index_drop((hm_log_slot)i);
    p->hm_log_oldest = hm_log_next_own[i];
    p->hm_log_kept--;
    log_count--;
    hm_log_next_slot[i] = log_free_head;
    log_free_head = (hm_log_slot)i;
}

/* A free slot: one never used, or the head of the free list. */
static uint32_t log_take_slot(void)
{
    uint32_t i;

    if (log_never_used < hm_log_size) {
        return log_never_used++;
    }
    i = log_free_head;
    log_free_head = hm_log_next_slot[i];
    return i;
}

/* Appends p's record; at its share, p's own oldest record goes first. The
 * shares add up to at most hm_log_size, so a partition below its share
 * always finds a free slot. Constant time. */
/* The log is every CPU's to append to: one entry at a time (lock.h). */
static volatile uint32_t log_lock;

/* Inline as when hm_take() was its one caller: the logging path of
 * hm_take() is what make bench's misuse row measures. */
static inline __attribute__((always_inline)) void
log_append(struct partition *p, const struct hm_error *e, uint32_t action)
{
    struct pv_hm_entry *x;
    uint32_t i;

    if (p->hm_log_kept >= hm_log_share()) {
        p->hm_log_lost++;
        log_drop_oldest_of(p);
        log_overwritten++;
    }
    i = log_take_slot();
    log_count++;
    hm_log_next_slot[i] = HM_NO_SLOT;
    hm_log_prev_slot[i] = log_newest;
    hm_log_next_own[i] = HM_NO_SLOT;
    if (log_newest == HM_NO_SLOT) {
        log_oldest = (hm_log_slot)i;
    } else {
        hm_log_next_slot[log_newest] = (hm_log_slot)i;
    }
    log_newest = (hm_log_slot)i;
    if (p->hm_log_kept++) {
        hm_log_next_own[p->hm_log_newest] = (hm_log_slot)i;
    } else {
        p->hm_log_oldest = (hm_log_slot)i;
    }
    p->hm_log_newest = (hm_log_slot)i;
    x = &hm_log_entries[i];
    x->seq = log_next++;
    x->partition_id = p->cfg->id;
    x->error = e->error;
    x->action = action;
    x->time_ns = arch_time_ns();
    x->detail = e->detail;
    x->pc = e->pc;
    hm_index_append((hm_log_slot)i, x->seq);
}

/* Tells p's own handler: the details in its control page, then the line.
 * A synchronous error cannot wait for p to unmask: if p cannot take the
 * upcall right now, resuming it would only repeat the fault. */
static void propagate(struct partition *p, const struct hm_error *e)
{
    struct pv_shared *s = p->shared;

    if (e->sync && (s->irq_level || (s->irq_mask & (1u << PV_IRQ_HM)) || !p->upcall_entry)) {
        partition_stop(p, "health monitor: error propagated while the partition cannot take it "
                          "(no handler, line masked or upcalls disabled)");
        return;
    }
    s->hm_error = e->error;
    s->hm_detail = e->detail;
    s->hm_pc = e->pc;
    s->hm_flags = e->sync ? PV_HM_FLAG_SYNC : 0;
    s->hm_seq++;
    virq_raise(p, PV_IRQ_HM);
}

static void restart(struct partition *p, const struct hm_error *e, bool warm)
{
    int err;

    if (p->hm_restarts >= p->cfg->hm_max_restarts) {
        struct hm_error loop = {PV_HM_RESTART_LOOP, e->error, 0, false, NULL};

        hm_raise(p, &loop);
        return;
    }
    p->hm_restarts++;
    p->start_condition = PV_START_HM_PARTITION_RESTART;
    /* ARINC 653: no warm start before the partition finished its cold one. */
    if (warm && p->mode != PV_MODE_COLD_START) {
        err = partition_restart_warm(p);
    } else {
        err = partition_restart(p);
    }
    if (err) {
        partition_stop(p, "health monitor: restart impossible");
    }
}

/* Takes action for error e of partition p. */
static void hm_take(struct partition *p, const struct hm_error *e, uint32_t action)
{
    p->hm_errors++;
    trace_hm(p->index, e->error | action << 16, e->pc, e->detail);
    if (action == PV_HM_ACTION_IGNORE) {
        p->shared->hm_ignored++;
        ignored_total++;
        return;
    }
    lock_take(&log_lock);
    log_append(p, e, action);
    lock_give(&log_lock);
    if (action == PV_HM_ACTION_LOG) {
        return;
    }
    console_partition_event(p, "[tessera] hm: partition %s: %s -> %s\n", p->cfg->name,
                            error_names[e->error], action_names[action]);
    switch (action) {
    case PV_HM_ACTION_HALT:
        if (!e->what) {
            char why[96];

            ksnprintf(why, sizeof(why), "health monitor: %s", error_names[e->error]);
            partition_stop(p, why);
        } else {
            partition_stop(p, e->what);
        }
        break;
    case PV_HM_ACTION_COLD_RESTART:
    case PV_HM_ACTION_WARM_RESTART:
        restart(p, e, action == PV_HM_ACTION_WARM_RESTART);
        break;
    case PV_HM_ACTION_PROPAGATE:
        propagate(p, e);
        break;
    case PV_HM_ACTION_HALT_MODULE:
        kprintf("[tessera] health monitor: module halted\n");
        trace_dump();
        arch_shutdown(2);
    case PV_HM_ACTION_RESET_MODULE:
    default:
        module_reset_pending = true;
        break;
    }
}

void hm_raise(struct partition *p, const struct hm_error *e)
{
    hm_take(p, e, hm_action(p, e->error));
}

void hm_log_only(struct partition *p, const struct hm_error *e)
{
    /* The action "log" only appends under the log's lock (and counts
     * p's errors). */
    hm_take(p, e, PV_HM_ACTION_LOG);
}

bool hm_take_module_reset(void)
{
    bool r = module_reset_pending;

    module_reset_pending = false;
    return r;
}

int32_t hm_hc_raise(struct partition *p)
{
    arch_word_t error = arch_hcall_arg(p, 0);
    struct hm_error e = {(uint32_t)error, arch_hcall_arg(p, 1), 0, false, NULL};

    /* Error ids are 32-bit: a wider register value names none. */
    if (e.error != error) {
        return PV_EINVAL;
    }
    if ((e.error & ~0xffu) == PV_HM_UNHANDLED) {
        uint32_t action;

        /* Only an error the kernel hands to the partition can lack a
         * handler there; the action is the partition's own table's. */
        e.error &= 0xffu;
        if (e.error >= PV_HM_ERROR_COUNT || hm_action(p, e.error) != PV_HM_ACTION_PROPAGATE) {
            return PV_EINVAL;
        }
        action = p->cfg->hm_unhandled[e.error];
        if (action == CFG_HM_DEFAULT) {
            return PV_ENOENT;
        }
        hm_take(p, &e, action);
        return PV_OK;
    }
    switch (e.error) {
    case PV_HM_STACK_OVERFLOW:
    case PV_HM_DEADLINE_MISSED:
    case PV_HM_APPLICATION_ERROR:
    case PV_HM_FATAL_ERROR:
        hm_raise(p, &e);
        return PV_OK;
    default:
        return PV_EINVAL;
    }
}

int32_t hm_hc_log_read(struct partition *p)
{
    uint32_t first = arch_hcall_arg(p, 0), max;
    uint32_t oldest = log_count ? hm_log_entries[log_oldest].seq : log_next;
    uint32_t behind = log_next - first, k, n = 0;
    struct pv_hm_entry *out;
    struct pv_hm_log_status st, *st_out;

    if (hcall_log_read_outputs(p, HM_LOG_READ_MAX, sizeof(*out), sizeof(st), &max, (void **)&out,
                               (void **)&st_out)) {
        return PV_EFAULT;
    }
    /* Entry numbers wrap: first is "older than what is kept" when it lies
     * up to half the number space behind, otherwise it is in the future. */
    if (behind > log_next - oldest) {
        first = behind <= 0x80000000u ? oldest : log_next;
    }
    /* The first entry kept at or after first: the oldest, or found by the
     * index in the same instructions whatever the log holds (hm_index.h). */
    k = first == oldest ? log_oldest : hm_index_find(first);
    for (; n < max && k != HM_NO_SLOT; n++, k = hm_log_next_slot[k]) {
        memcpy(&out[n], &hm_log_entries[k], sizeof(*out));
    }
    if (st_out) {
        st.next_seq = log_next;
        st.first_seq = oldest;
        st.overwritten = log_overwritten;
        st.capacity = hm_log_size;
        st.ignored = ignored_total;
        st.share = hm_log_share();
        memcpy(st_out, &st, sizeof(st));
    }
    return (int32_t)n;
}
