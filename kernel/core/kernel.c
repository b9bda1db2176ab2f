/* SPDX-License-Identifier: BSD-2-Clause */
#include <stddef.h>
#include "kernel.h"
#include "arch.h"
#include "console.h"
#include "cpu_plans.h"
#include "handover.h"
#include "hcall.h"
#include "hm.h"
#include "idtable.h"
#include "kprintf.h"
#include "partition.h"
#include "port.h"
#include "pv/abi.h"
#include "schedule.h"
#include "timer_fast.h"
#include "trace.h"
#include "virq.h"

/* Execution time of p up to now (p running or not). */
static uint64_t exec_time(const struct partition *p, uint64_t now)
{
    return p == schedule.current ? p->exec_ns + (now - p->run_since) : p->exec_ns;
}

static void publish_exec_clock(struct partition *p, uint64_t now)
{
    struct pv_shared *s = p->shared;

    s->seq++;
    s->exec_base_ns = exec_time(p, now);
    s->running_since_ns = now;
    s->seq++;
}

/* Counts expirations of p's timers up to now and raises their lines. */
static void expire_timers(struct partition *p, uint64_t now)
{
    uint32_t n;

    n = vtimer_expire(&p->timers[PV_CLOCK_WALL], now);
    if (n) {
        p->shared->timer_expirations[PV_CLOCK_WALL] += n;
        virq_raise(p, PV_IRQ_TIMER);
    }
    if (!p->timers[PV_CLOCK_EXEC].armed) {
        return; /* no execution-time arithmetic on every entry */
    }
    n = vtimer_expire(&p->timers[PV_CLOCK_EXEC], exec_time(p, now));
    if (n) {
        p->shared->timer_expirations[PV_CLOCK_EXEC] += n;
        virq_raise(p, PV_IRQ_EXEC_TIMER);
    }
}

/* The owner runs until its slot's end less the guard band (sched_guard()):
 * the kernel path it starts last then ends before the next partition's
 * window, which starts from the idle loop. */
static uint64_t run_end(void)
{
    return sched_slot_deadline(&schedule.sched) - sched_slot_guard(&schedule.sched);
}

/* The per-entry state below is each CPU's own (ARCH_PER_CPU), as is the
 * schedule: every CPU runs its own window table with the same code
 * (docs/architecture.md, "Multicore"). */

/* run_end() as reschedule() found it, for the arm_timer() that always
 * follows it in the same kernel entry: worked out once per entry (and
 * passed to the timer fast paths' record, timer_fast.h). */
static uint64_t entry_run_end ARCH_PER_CPU;

/* The owner's window started with output queued: drain it in a timer entry
 * CONSOLE_DRAIN_DELAY_NS into its run, after its window-start upcall. */
static int drain_owed ARCH_PER_CPU;
#define CONSOLE_DRAIN_DELAY_NS 2000u

/* Publishes the clock scale and the current window in p's control page. */
static void publish_window(struct partition *p)
{
    const struct sched_state *sc = &schedule.sched;
    struct pv_shared *s = p->shared;

    s->seq++;
    arch_clock_publish(s);
    s->plan_id = sc->plan->id;
    s->next_plan_id = sched_next_frame_plan(sc)->id;
    s->window_index = sc->slot.window;
    s->window_start_ns = sc->frame_start + sc->slot.start;
    s->window_end_ns = sc->frame_start + sc->slot.end;
    s->window_guard_ns = (uint32_t)sched_slot_guard(sc);
    s->frame_start_ns = sc->frame_start;
    s->major_frame_ns = sc->plan->major_frame_ns;
    s->seq++;
}

static void check_system_alive(void);
static void module_reset_begins(uint32_t cpu, uint64_t frame, uint64_t start, bool everywhere);

/* Takes over p if it moves between CPUs (handover.h), then applies the
 * module resets p has not seen and a halt or restart a system partition
 * of another CPU posted for it (partition_sync) in p's own time: its lines
 * go to its own ring, drained in its window (console_partition_event
 * charges the running partition, and none runs at a window start).
 * Returns false when p could not be taken over: its slot here is idle
 * then (no owner). Off the window start's fall-through path
 * (__builtin_expect): a window start with nothing of this to do executes
 * the instructions it did before. */
static bool sync_in_own_time(struct partition *p)
{
    struct partition *running;

    if (partition_moves(p)) {
        if (!handover_take(p)) {
            schedule.owner = NULL;
            return false;
        }
        if (!partition_moving_news(p)) {
            return true; /* taken over, nothing posted (bench/handover.c's row) */
        }
    }
    running = schedule_lend_current(p);
    partition_sync(p);
    schedule_lend_current(running);
    /* A halt posted from another CPU may have been the last one alive. */
    check_system_alive();
    return true;
}

/* A window of p begins: catch up its timers, tell it, refresh its clock. */
static void window_start(struct partition *p, uint64_t now)
{
    if (__builtin_expect(partition_stale(p), 0) && !sync_in_own_time(p)) {
        return;
    }
    publish_window(p);
    /* Waiting for "a virtual interrupt or the next window": this is it. */
    if (p->state == PART_IDLE) {
        p->state = PART_READY;
    }
    expire_timers(p, now);
    ports_window_start(p);
    partition_notice_changes(p);
    virq_raise(p, PV_IRQ_WINDOW_START);
}

static void set_current(struct partition *p, uint64_t now)
{
    if (schedule.current == p) {
        return;
    }
    trace_event(PV_TRACE_CLASS_WINDOW, PV_TRACE_PART_SWITCH, trace_part(p),
                trace_part(schedule.current), 0);
    if (schedule.current) {
        schedule.current->exec_ns += now - schedule.current->run_since;
    }
    schedule.current = p;
    if (p) {
        p->run_since = now;
        publish_exec_clock(p, now);
    }
}

static void check_system_alive(void)
{
    if (!partitions_any_alive()) {
        /* The resets not applied yet: their halt and stop lines come out. */
        for (uint32_t i = 0; i < num_partitions; i++) {
            partition_sync(&partitions[i]);
        }
        console_flush_at_end();
        kprintf("[tessera] all partitions have halted; shutting down\n");
        trace_dump();
        arch_shutdown(0);
    }
}

/* A restart's reloading stops this long before the owner's run ends (the
 * guard): longer than one load chunk takes, so that the guard interrupt is
 * on time even without a guard band. */
#define LOAD_MARGIN_NS 8000u

/* The owner's restart reloads it in its run up to end: returns the time
 * after that, not before the now it was given (a prepared window start).
 * Apart from reschedule(), whose usual path keeps its registers. */
__attribute__((noinline)) static uint64_t load_owner(uint64_t now, uint64_t end)
{
    uint64_t t;

    /* ports_reset_pending: after a module reset, no partition runs
     * again until every CPU has begun the reset's frame (the channels
     * are emptied then; docs/architecture.md, "Multicore"). */
    if (end > now + LOAD_MARGIN_NS && !ports_reset_pending() &&
        partition_load_continue(schedule.owner, end - LOAD_MARGIN_NS)) {
        publish_window(schedule.owner);
    }
    t = arch_time_ns();
    return t > now ? t : now;
}

/* Picks who runs after any kernel entry and delivers its virtual interrupts. */
static void reschedule(uint64_t now)
{
    uint64_t end = run_end();

    entry_run_end = end;
    /* Console output goes out in its writer's own time (console.h), up to
     * the guard band like everything else the partition runs - in entries
     * made while it runs, never in the one that starts its window: what is
     * queued then waited for a neighbour's line to finish on the UART, and
     * draining it before the window-start upcall would let that neighbour
     * move this partition's window start (~2 us next to the fuzzer on
     * SPARC). A timer entry soon after the upcall drains it instead. */
    if (schedule.owner && schedule.owner->console.len && schedule.current == schedule.owner) {
        console_drain(schedule.owner, end);
    }
    drain_owed =
        schedule.owner && schedule.owner->console.len && schedule.current != schedule.owner;

    if (schedule.owner && schedule.owner->state == PART_LOADING) {
        now = load_owner(now, end);
    }
    struct partition *next =
        schedule.owner && partition_runnable(schedule.owner) && now < end ? schedule.owner : NULL;

    set_current(next, now);
    if (schedule.current && virq_deliver(schedule.current)) {
        partition_stop(schedule.current, "upcall frame does not fit on the partition's stack");
        set_current(NULL, now);
        check_system_alive();
    }
}

/* The deadline the timer is armed for; UINT64_MAX once it has fired. A
 * timer fast path (timer_fast.h) re-arms the timer without a full entry
 * and leaves this at the deadline that fired, which is then in the past:
 * every deadline arm_timer() works out later is after now (expired timers
 * have been advanced or disarmed), so it differs and is armed - at worst
 * once more than needed. */
static uint64_t armed_deadline ARCH_PER_CPU = UINT64_MAX;

/* The prepared window start: in a guard band with time to spare, the timer
 * is armed ARCH_WINDOW_PREPARE_NS before the next slot's start, that slot's
 * start is kept here, and the entry the timer makes then runs as at that
 * start (now = the start: the schedule advances, the window's timers
 * expire, its upcall is pushed) and spins until the start before leaving
 * (arch_wait_until). Nothing runs on the CPU in between, and everything
 * that entry does depends on the time it is given, not on when it runs -
 * but for console input and another CPU's posts, which it sees up to
 * ARCH_WINDOW_PREPARE_NS sooner: as if they had come that much later. The
 * window then starts on time whatever its entry costs, up to the margin.
 * One CPU only (no views), and only there a slot with nobody to run is
 * idled as a guard band: with several CPUs, an application processor's
 * early wake-up in such a slot came 40 us late under QEMU's round robin
 * (bench-handover: every window of the moving partition on CPU 1 was
 * skipped), not analysed yet. Non-zero: the armed deadline is a prepared
 * start's, ARCH_WINDOW_PREPARE_NS before it (a word, not the start: the
 * timer entries that are not prepared pay one load and one branch). */
static uint32_t prepared ARCH_PER_CPU;

/* The next time the kernel must act: the guard, a timer of the owner, or
 * in the guard band and in a slot with nobody to run only the slot end, or
 * its prepared start (nothing may interrupt the idle loop there). Most
 * hypercalls leave it unchanged: the timer is not touched. */
static void arm_timer(uint64_t now)
{
    uint64_t deadline = entry_run_end;
    const struct partition *owner = schedule.owner;

    prepared = 0;
    if (now >= deadline || (!schedule.sched.views && (!owner || owner->state == PART_HALTED ||
                                                      owner->state == PART_STOPPED))) {
        /* The guard band, or a slot nobody runs in: idle up to the next
         * window. */
        deadline = sched_slot_deadline(&schedule.sched);
        if (ARCH_WINDOW_PREPARE_NS && !schedule.sched.views &&
            deadline > now + ARCH_WINDOW_PREPARE_NS) {
            prepared = 1;
            deadline -= ARCH_WINDOW_PREPARE_NS;
        }
        if (deadline != armed_deadline) {
            armed_deadline = deadline;
            arch_timer_arm_idle(deadline);
        }
        return;
    } else if (schedule.owner &&
               (schedule.owner->state == PART_READY || schedule.owner->state == PART_IDLE)) {
        const struct vtimer *wall = &schedule.owner->timers[PV_CLOCK_WALL];
        const struct vtimer *exec = &schedule.owner->timers[PV_CLOCK_EXEC];

        if (wall->armed && wall->deadline < deadline) {
            deadline = wall->deadline;
        }
        if (drain_owed && schedule.owner == schedule.current &&
            now + CONSOLE_DRAIN_DELAY_NS < deadline) {
            deadline = now + CONSOLE_DRAIN_DELAY_NS;
        }
        if (schedule.owner == schedule.current && exec->armed) {
            uint64_t used = exec_time(schedule.owner, now);
            uint64_t at = exec->deadline > used ? now + (exec->deadline - used) : now;

            if (at < deadline) {
                deadline = at;
            }
        }
    }
    if (deadline != armed_deadline) {
        armed_deadline = deadline;
        arch_timer_arm(deadline);
    }
}

struct partition *kernel_fast_exit_partition ARCH_PER_CPU;

/* Every entry ends here: who runs next, the timer, and which partition's
 * null hypercall may skip all of this (kernel.h). Nothing but a full entry
 * changes what the gate then reads, and each full entry comes here. */
static void finish_entry(uint64_t now)
{
    reschedule(now);
    arm_timer(now);
    /* current is owner and ready, and the time left is before the guard
     * (reschedule() would have made the CPU idle otherwise), so the armed
     * deadline does not depend on now unless a console drain is owed,
     * which needs output queued: the gate checks console.len. */
    kernel_fast_exit_partition = trace_no_fast_path() ? NULL : schedule.current;
    fast_timer_record_write(kernel_fast_exit_partition, &entry_run_end, &armed_deadline);
}

void kernel_note_entry(void)
{
    if (schedule.current) {
        schedule.current->shared->kernel_entries++;
    }
}

static uint32_t plan_id(uint32_t index)
{
    return cfg_system.plans[index].id;
}

void kernel_start(void)
{
    const struct cfg_plan *plan;
    uint64_t now;

    kprintf("[tessera] system %s: %u partitions, %u plans\n", cfg_system.name,
            cfg_system.num_partitions, cfg_system.num_plans);
    if (cfg_system.num_plans == 0 || cfg_system.initial_plan >= cfg_system.num_plans) {
        panic("configuration has no valid initial schedule plan");
    }
    for (uint32_t i = 0; i < cfg_system.num_plans; i++) {
        enum sched_plan_error err =
            sched_plan_check(&cfg_system.plans[i], cfg_system.num_partitions);

        if (err != SCHED_PLAN_OK) {
            panic("schedule plan %s: %s", cfg_system.plans[i].name, sched_plan_error_text(err));
        }
    }
    cpu_plans_check();
    if (!id_table_valid(&cfg_system.plan_ids, cfg_system.num_plans, plan_id)) {
        panic("plan id table does not lead to every plan");
    }
    hm_init();
    partitions_init();
    ports_init();
    check_system_alive();
    plan = &cfg_system.plans[cfg_system.initial_plan];
    now = arch_time_ns();
    schedule_start(plan, now);
    if (cpu_count() > 1) {
        sched_share_init(cfg_system.initial_plan, cpu_count());
        sched_share_on_reset(module_reset_begins);
        sched_share(&schedule.sched, cfg_system.cpu_plans[0], 0);
    }
    trace_start(now, cpu_count() > 1);
    trace_slot_start();
    kprintf("[tessera] plan %s: major frame %llu ns, %u windows\n", plan->name,
            (unsigned long long)plan->major_frame_ns, plan->num_windows);
    if (schedule.owner) {
        window_start(schedule.owner, now);
    }
    finish_entry(now);
}

/* CPU cpu (not the boot CPU), once the boot CPU has started the schedule
 * with its first frame at epoch: the CPU takes up the same plan in its own
 * view (cpu_plans) on the same frame grid (and a switch recorded before it
 * came, at that switch's frame: sched_share), in the slot that contains
 * now, and starts that slot's window if it has one. */
void kernel_start_cpu(uint32_t cpu, uint64_t epoch)
{
    uint64_t now = arch_time_ns();

    schedule.cpu = cpu;
    schedule_start(&cfg_system.cpu_plans[cpu][cfg_system.initial_plan], epoch);
    sched_share(&schedule.sched, cfg_system.cpu_plans[cpu], cpu);
    schedule_advance(now);
    if (schedule.owner) {
        window_start(schedule.owner, now);
    }
    finish_entry(now);
}

/* Console input is polled at every timer interrupt (of the boot CPU: the
 * UART's receiver is its), so it waits at most until the next window
 * boundary or timer expiry - or, for an input partition this CPU does not
 * hold, until that partition's next window start on its CPU, which raises
 * the line there (partition_post_input). */
static inline __attribute__((always_inline)) void poll_console(void)
{
    uint32_t to = cfg_system.console_input;

    if (console_poll_input() && to < num_partitions) {
        struct partition *p = &partitions[to];

        if (schedule_holds(p)) {
            virq_raise(p, PV_IRQ_CONSOLE_INPUT);
        } else {
            partition_post_input(p);
        }
    }
}

/* A timer entry at now. Inlined into the two callers below, so that the
 * usual one pays only kernel_on_timer()'s test of `prepared` for the
 * prepared start's. */
static inline __attribute__((always_inline)) void on_timer(uint64_t now)
{
    armed_deadline = UINT64_MAX; /* one-shot: it has fired */
    poll_console();
    trace_slot_end(now, false);
    if (schedule_advance(now)) {
        trace_slot_start();
        /* The outgoing partition stops accruing execution time here. */
        set_current(NULL, now);
        if (schedule.owner) {
            window_start(schedule.owner, now);
        }
    } else if (schedule.owner) {
        expire_timers(schedule.owner, now);
    }
    finish_entry(now);
}

/* The prepared window start's entry: the timer fired at the armed deadline
 * (an early interrupt, such as one at the end of a counter's range, is not
 * it), before the start. */
__attribute__((noinline)) static void on_timer_prepared(uint64_t now)
{
    uint64_t start = armed_deadline + ARCH_WINDOW_PREPARE_NS;
    /* cppcheck-suppress variableScope ; taken before this entry's records */
    uint32_t mark = trace_mark();

    prepared = 0;
    if (now >= armed_deadline && now < start) {
        now = start;
    } else {
        start = 0;
    }
    on_timer(now);
    if (start) {
        trace_not_before(mark, start);
        if (schedule.current) {
            arch_wait_until(start);
        }
    }
}

void kernel_on_timer(void)
{
    uint64_t now = arch_time_ns();

    if (__builtin_expect(prepared, 0)) {
        on_timer_prepared(now);
        return;
    }
    on_timer(now);
}

/* Several CPUs (docs/architecture.md, "Multicore"): every CPU begins the
 * reset at the start of one frame, the first that none has begun, posted
 * as a plan switch to the initial plan is (sched_share_reset); until then
 * the partition whose error asked for it does not run. Each CPU resets its
 * own partitions as it begins that frame (module_reset_begins). */
__attribute__((noinline)) static void module_reset_posted(void)
{
    struct partition *p = schedule.current;
    uint64_t from = sched_share_reset(&schedule.sched, cfg_system.initial_plan);

    if (!p) {
        kprintf("[tessera] health monitor: module reset from frame %llu (CPU %u)\n",
                (unsigned long long)from, schedule.cpu);
        return;
    }
    if (from) {
        console_partition_event(p,
                                "[tessera] health monitor: module reset from frame %llu (CPU %u, "
                                "frame %llu)\n",
                                (unsigned long long)from, schedule.cpu,
                                (unsigned long long)schedule.sched.frames);
    } else {
        console_partition_event(p,
                                "[tessera] health monitor: module reset once the last switch has "
                                "reached every CPU (CPU %u, frame %llu)\n",
                                schedule.cpu, (unsigned long long)schedule.sched.frames);
    }
    partition_hold(p);
}

/* The reset's frame begins on this CPU (sched_share_advance's hook, before
 * the frame's first window starts): this CPU's partitions start again as
 * at boot, each at its next window start here; once the last CPU has
 * begun the frame, no partition as it was before the reset runs anywhere,
 * and the channels are emptied (each when next touched: ports_reset). */
static void module_reset_begins(uint32_t cpu, uint64_t frame, uint64_t start, bool everywhere)
{
    kprintf("[tessera] CPU %u: module reset at frame %llu, %llu ns\n", cpu,
            (unsigned long long)frame, (unsigned long long)start);
    partitions_reset();
    if (everywhere) {
        ports_reset();
    }
}

/* The health monitor's reset-module action: every partition starts again
 * as at boot (loading cold in its own windows), the channels are emptied
 * and the initial plan starts a new major frame now. The HM log is kept:
 * it is what tells why the module was reset. Constant time, however many
 * partitions and channels: the reset is only counted here, and each
 * partition and each channel applies it when the kernel next looks at it
 * (partition_sync, ports_reset); the first window's owner does so at its
 * window start below. */
static void module_reset(uint64_t now)
{
    const struct cfg_plan *plan = &cfg_system.plans[cfg_system.initial_plan];

    if (schedule.sched.views) {
        module_reset_posted();
        return;
    }

    /* Queued behind the error's own line in the ring of the partition
     * whose error asked for the reset: a kernel line printed at once would
     * first print every partition's pending output. */
    if (schedule.current) {
        console_partition_event(schedule.current, "[tessera] health monitor: module reset\n");
    } else {
        kprintf("[tessera] health monitor: module reset\n");
    }
    set_current(NULL, now);
    partitions_reset();
    ports_reset();
    trace_slot_end(now, true);
    schedule_start(plan, now);
    trace_slot_start();
    if (schedule.owner) {
        window_start(schedule.owner, now);
    }
}

/* After the health monitor may have acted on the running partition. */
static void after_error(uint64_t now)
{
    /* Only a partition that stopped running can leave none alive. */
    if (schedule.current && !partition_runnable(schedule.current)) {
        set_current(NULL, now);
        check_system_alive();
    }
    /* No check after a reset: it leaves alive exactly the partitions that
     * boot left alive, and boot shut down if there were none. */
    if (hm_take_module_reset()) {
        module_reset(now);
    }
}

void kernel_on_hypercall(void)
{
    uint64_t now;

    hcall_dispatch(schedule.current);
    now = arch_time_ns();
    after_error(now);
    if (schedule.owner) {
        expire_timers(schedule.owner, now);
    }
    finish_entry(now);
}

void kernel_on_fault(uint32_t error, arch_addr_t pc, arch_addr_t addr, const char *what)
{
    uint64_t now = arch_time_ns();
    struct hm_error e = {error, addr, pc, true, what};

    hm_raise(schedule.current, &e);
    after_error(now);
    finish_entry(now);
}

struct partition *kernel_current(void)
{
    return schedule.current;
}
