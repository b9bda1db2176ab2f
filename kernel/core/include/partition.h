/* SPDX-License-Identifier: BSD-2-Clause */
/* Partitions: the kernel's run-time state of each configured partition. */
#ifndef TESSERA_PARTITION_H
#define TESSERA_PARTITION_H

#include <stdbool.h>
#include <stdint.h>
#include "arch_types.h"
#include "cfg.h"
#include "console.h"
#include "pv/abi.h"
#include "pv/shared.h"
#include "vtimer.h"

/* The kernel's names of the states PV_HC_PART_STATUS reports: the ABI's
 * values, by definition (pv/abi_list.h). */
enum part_state {
    PART_READY = PV_STATE_READY,        /* runs whenever one of its windows is active */
    PART_IDLE = PV_STATE_IDLE,          /* waits for a virtual interrupt or its next window */
    PART_HALTED = PV_STATE_HALTED,      /* halted itself or was halted */
    PART_STOPPED = PV_STATE_STOPPED,    /* stopped by the kernel after a fault */
    PART_LOADING = PV_STATE_RESTARTING, /* cold restart under way: its image is being reloaded */
};

struct partition {
    const struct cfg_partition *cfg;
    uint32_t index;
    enum part_state state;
    struct arch_context ctx;  /* saved user context while not running */
    struct arch_space space;  /* the partition's address space */
    struct pv_shared *shared; /* the control page, kernel address */
    arch_addr_t upcall_entry; /* guest entry for virtual interrupts; 0 = none */
    uint32_t restarts;
    uint32_t hm_restarts;     /* restarts the health monitor made (its limit) */
    uint32_t hm_errors;       /* errors the health monitor handled, any action */
    uint32_t hm_log_lost;     /* its HM log entries dropped at its share (hm.c) */
    uint32_t hm_log_kept;     /* its HM log entries kept now (hm.c) */
    uint16_t hm_log_oldest;   /* slot of its oldest kept entry, if any (hm.c) */
    uint16_t hm_log_newest;   /* slot of its newest kept entry, if any (hm.c) */
    uint32_t mode;            /* PV_MODE_* */
    uint32_t start_condition; /* PV_START_* */
    uint64_t exec_ns;         /* execution time before run_since */
    uint64_t run_since;       /* wall time it was last switched in, while running */
    struct vtimer timers[2];  /* PV_CLOCK_WALL, PV_CLOCK_EXEC */
    uint32_t load_phase;      /* image loading: how far it got (partition.c) */
    uint32_t load_item;
    arch_size_t load_offset;
    arch_addr_t load_entry;
    uint32_t line_len; /* console bytes waiting for a newline */
    char line[CONSOLE_LINE_MAX];
    struct console_ring console; /* its lines waiting for the UART */
    arch_word_t port_call;       /* the port call whose copy is under way (port.c); 0 = none */
    uint64_t resets_seen;        /* module resets applied to it (partition_sync) */
    /* A partition whose windows are on several CPUs (partition_moves()):
     * 1 while a CPU holds its context, from the start of its window there
     * until that CPU has saved it after the window's end; 0 while it is
     * saved (handover.c). Other partitions: 0. */
    volatile uint32_t context_held;
    uint64_t changes_seen; /* system partitions: state changes it was told of (partition.c) */
    /* Packed in one word, so that the structure keeps its size (the hot
     * paths index partitions[] with a multiplication GCC compiles by its
     * size). */
    uint16_t cpu; /* the CPU its windows are on, or PART_CPU_MOVES | index (partition_init) */
    uint8_t control_posted; /* a system partition of another CPU asked: PV_PART_* + 1, or 0
                               (partition_post_control) */
    bool reset_alive;       /* boot started it, so a module reset restarts it */
    bool held;              /* stopped for a module reset still to come, counted alive
                               (partition_hold) */
};

/* partition.cpu of a partition whose windows are on several CPUs: this
 * bit and its index, so that two partitions' cpu fields are equal only when
 * both run on one CPU or they are the same partition (the test
 * partition_hc_control makes). It runs on each CPU in its windows, one at a
 * time, its context handed over between them (handover.h). */
#define PART_CPU_MOVES 0x8000u

static inline bool partition_moves(const struct partition *p)
{
    return (p->cpu & PART_CPU_MOVES) != 0;
}

/* A partition's control page: a page of its own, so it can be mapped alone. */
union partition_shared_page {
    struct pv_shared s;
    uint8_t page[ARCH_PAGE_SIZE];
};

/* Sized for the system by tessera-config (cfg_state.h). */
extern struct partition partitions[];
extern union partition_shared_page partition_shared_pages[];
extern uint32_t num_partitions;
/* Per CPU (cfg_state.h): its partitions alive now and as boot left them,
 * by partition.cpu (partition.c, for the module reset of several CPUs). A
 * partition that moves between CPUs is in no CPU's count, only in the
 * system's (partitions_any_alive): no CPU's reset sets it back, it stays
 * counted by its own state until it applies the reset (partition.c). */
extern uint32_t partitions_alive_on_cpu[], partitions_boot_alive_on_cpu[];

/* Creates the run-time state of every configured partition: address space,
 * image loaded from the pristine ELF copy, context at the entry point. */
void partitions_init(void);

/* True when p can run in its window. */
static inline bool partition_runnable(const struct partition *p)
{
    return p->state == PART_READY;
}

/* True when p is a system partition: it may act on others (CFG_PART_SYSTEM). */
static inline bool partition_is_system(const struct partition *p)
{
    return (p->cfg->flags & CFG_PART_SYSTEM) != 0;
}

/* Stops p after a fault it caused and says why on the console. */
void partition_stop(struct partition *p, const char *why);

/* Halts p (its own request or a system partition's). */
void partition_halt(struct partition *p);

/* Cold restart: timers and upcalls stop at once; p enters PART_LOADING,
 * in which the kernel clears its writable areas and reloads its image from
 * the pristine copy, in p's own windows only (partition_load_continue).
 * Returns 0, or -1 when p cannot be restarted (no address space, bad
 * image), leaving it as it was. */
int partition_restart(struct partition *p);

/* Warm restart: like partition_restart, but its memory is kept as it is
 * (only its context, control page, timers and upcalls start afresh), so it
 * is ready at once. Same return. */
int partition_restart_warm(struct partition *p);

/* Goes on loading p's image until it is done or deadline (wall ns) comes;
 * returns 1 when done (p is then READY at its entry). */
bool partition_load_continue(struct partition *p, uint64_t deadline);

/* A system partition p hears (PV_IRQ_PARTITION) of the state changes of
 * other partitions since it last did: at its window start and, while it
 * runs, at once. Constant time; nothing for other partitions or NULL. */
void partition_notice_changes(struct partition *p);

/* The partition with configured id, or NULL; constant time. */
struct partition *partition_by_id(arch_word_t id);

/* A system partition on another CPU than p's halts or restarts p (op
 * PV_PART_HALT or PV_PART_RESTART; a later request replaces one not yet
 * applied): the request is posted, and p's own CPU applies it at p's next
 * window start (partition_sync), where p is not running - the defined
 * point of docs/architecture.md, "Multicore". Bounded: one lock held for
 * two stores. */
void partition_post_control(struct partition *p, uint32_t op);

/* Console input arrived, polled on a CPU that does not hold p, the input
 * partition (kernel.c): its PV_IRQ_CONSOLE_INPUT is raised by the CPU that
 * holds p, at p's next window start there (partition_sync), where p does
 * not run - so that no CPU writes the control page or the state of a
 * partition another CPU may be running. Bounded as partition_post_control. */
void partition_post_input(struct partition *p);

/* True while at least one partition has not halted or been stopped. */
bool partitions_any_alive(void);

/*
 * The health monitor's module reset of this CPU's partitions (all of them
 * on one CPU; on several, each CPU calls it as it begins the reset's frame:
 * sched_share_reset), in constant time: it only counts the reset. Each
 * partition applies the resets it has not seen itself, the first time the
 * kernel looks at it on its own CPU afterwards (partition_sync): at its
 * window start, or when a system partition of its CPU asks for its status
 * or acts on it. Until then its stored state is stale.
 */
void partitions_reset(void);

/* Module resets so far on this CPU (partitions_reset): each CPU its own,
 * since each begins a reset at its own crossing of the reset's frame. */
extern uint64_t partitions_resets ARCH_PER_CPU;

/* Several CPUs: p, whose error asked for a module reset that takes effect
 * at a later frame start, does not run until then (shown stopped; still
 * counted alive, since the reset restarts it, until its state next
 * changes). */
void partition_hold(struct partition *p);

/* True when p has a module reset or a posted control request to apply
 * (the latter marks it stale too: partition_post_control), meaningful on
 * the CPU that holds p (schedule_holds); and always for a partition that
 * moves between CPUs (a mark of its own in resets_seen, partition.c): its
 * window start then takes the out-of-line way, where its context is taken
 * over (handover.h), at no cost to the others' window starts. */
static inline bool partition_stale(const struct partition *p)
{
    return p->resets_seen != partitions_resets;
}

/* Marks in resets_seen beside its count of resets, bits no count reaches,
 * which make p stale (partition_stale) so that its window start calls
 * partition_sync, at no cost on the window-start path: a posted request
 * (partition_post_control), and for good a partition that moves between
 * CPUs (its window start takes it over: handover.h); its count of resets
 * is that of the CPU it last ran on, which every CPU it runs on next has
 * reached: a CPU begins the reset's frame before that frame's windows. */
#define PART_SEEN_CONTROL ((uint64_t)1 << 63)
#define PART_SEEN_MOVES   ((uint64_t)1 << 62)

/* For p that moves between CPUs, on the CPU that has just taken it: true
 * when partition_sync has something to apply (a posted request, a reset
 * this CPU has begun that p has not seen); false on every other window
 * start of it, which then skips the call. */
static inline bool partition_moving_news(const struct partition *p)
{
    return p->resets_seen != (partitions_resets | PART_SEEN_MOVES);
}

/* Brings p up to date: if module resets happened since it was last looked
 * at, p starts again as at boot once, whatever their number (start
 * condition PV_START_HM_MODULE_RESTART; its restart count counts every
 * reset): cold (PART_LOADING, reloaded in its own windows), or halted if
 * configured initial-mode idle, or stopped if it cannot be restarted.
 * The system partitions are not told (PV_IRQ_PARTITION): the reset
 * restarted them too, and a reset applied at once would have told them
 * only before their own reload, which clears the line. Constant time. */
void partition_sync(struct partition *p);

#endif
