/* SPDX-License-Identifier: BSD-2-Clause */
/* Internals shared by the APEX port services. */
#ifndef APEX_IMPL_H
#define APEX_IMPL_H

#include <apex.h>
#include <rtems.h>
#include <stdbool.h>
#include <stddef.h>
#include <pv/pv.h>

/* The executive's timeout lists: deadline monitoring runs from the clock
 * tick like the executive's own timeouts. */
#include "watchdog.h"

/* Ports a partition may create; ids are index + 1 so that 0 is no port. */
#define APEX_MAX_PORTS 16

struct apex_port {
    bool used;
    int32_t handle; /* the kernel's */
    uint32_t kind;  /* PV_PORT_SAMPLING or PV_PORT_QUEUING */
    struct pv_port_status cfg;
    char name[MAX_NAME_LENGTH + 1];
    VALIDITY_TYPE last_validity;
    WAITING_RANGE_TYPE waiting;
    QUEUING_DISCIPLINE_TYPE discipline; /* of the tasks waiting (queuing ports) */
};

/* The port of id and kind, or NULL. */
struct apex_port *apex_port_get(APEX_INTEGER id, uint32_t kind);

/*
 * Retries op(port, arg) until it stops answering PV_EAGAIN, blocking only
 * the calling task between tries; returns op's last result, or PV_EAGAIN
 * after timeout ns (TIMED_OUT). *rc is set to INVALID_MODE when the caller
 * may not block, INVALID_PARAM for a bad timeout.
 */
int32_t apex_wait(struct apex_port *port, int32_t (*op)(struct apex_port *, void *), void *arg,
                  SYSTEM_TIME_TYPE timeout, RETURN_CODE_TYPE *rc);

/* Takes task out of every port's queue (STOP of a waiting process): the
 * next in line gets the turn it had. */
void apex_wait_forget(rtems_id task);

/* ---- processes (apex_process.c) ---- */

/* A process: an RTEMS task created by CREATE_PROCESS, its id the task's. */
struct apex_process {
    bool used;
    rtems_id task;
    PROCESS_ATTRIBUTE_TYPE attr;
    PRIORITY_TYPE priority; /* current */
    bool dormant;
    bool ever_started;   /* the RTEMS task was started once: later starts restart it */
    bool start_pending;  /* START in COLD/WARM_START: runs at the NORMAL transition */
    uint64_t delay;      /* ticks between the start and the first release */
    uint64_t release;    /* tick of the current (periodic: next) release point */
    bool suspended;      /* by SUSPEND, or in SUSPEND_SELF */
    bool self_suspended; /* in SUSPEND_SELF: RESUME wakes it */
    bool blocked;        /* in TIMED_WAIT, PERIODIC_WAIT, before its release, on a port */
    /* Waiting on an intra-partition object (apex_block.c). */
    struct apex_waitq *wq;
    uint32_t wseq;
    bool woken;
    void *wdata; /* what the waiter offers or wants: the object's business */
    APEX_INTEGER wlen;
    /* Deadline monitoring (apex_time.c). */
    struct exec_watchdog deadline;
    uint64_t deadline_tick; /* 0: none armed */
};

/* Maps ARINC priorities (higher = more important) onto RTEMS's. */
#define APEX_RTEMS_PRIORITY(p) ((rtems_task_priority)(241 - (p)))

/* Every process slot; ids are the tasks'. */
extern struct apex_process apex_processes[MAX_NUMBER_OF_PROCESSES];
/* The preemption lock level (LOCK_PREEMPTION). */
extern LOCK_LEVEL_TYPE apex_lock_level;

/* The process of id, or NULL. */
struct apex_process *apex_process_get(PROCESS_ID_TYPE id);
/* The calling task's process, or NULL (the Init task, the error handler). */
struct apex_process *apex_process_self(void);
/* Starts (or restarts) p's task at its base priority. */
void apex_process_launch(struct apex_process *p);
/* Called by SET_PARTITION_MODE(NORMAL): releases the processes started
 * while the partition initialised. */
void apex_hm_normal(void);
void apex_processes_normal(void);
/* Whether the partition is still initialising (COLD_START or WARM_START). */
bool apex_initialising(void);
/* Whether the caller may block: a process without the preemption lock. */
bool apex_may_block(void);
/* The error handler's task, or 0 (apex_hm.c). */
rtems_id apex_error_handler_task(void);
/* The error handler stops itself (STOP_SELF): it waits for the next error. */
_Noreturn void apex_error_handler_stop_self(void);

/* ---- the partition's (re)start (apex_partition.c) ---- */

/* A warm restart keeps the partition's memory: what APEX created before it
 * (processes, objects, ports, the error handler) would still look created.
 * The first service of the initialisation (apex_initialising,
 * GET_PARTITION_STATUS, SET_PARTITION_MODE) finds the partition restarted
 * since the tables were filled and empties them. */
void apex_start_check(void);
void apex_processes_reset(void);
void apex_hm_reset(void);
void apex_objects_reset(void);
void apex_storage_reset(void);
void apex_ports_reset(void);
void apex_wait_reset(void);

/* ---- the partition's schedule (apex_partition.c) ---- */

/* The partition's period is the major frame of the current plan; times are
 * the kernel's wall clock (pv_clock_ns). */
struct apex_schedule {
    uint64_t period;                   /* the major frame */
    uint64_t period_start;             /* when the current major frame began */
    uint64_t window_start, window_end; /* the current window */
};
/* A consistent copy of the control page's schedule fields. */
void apex_schedule_read(struct apex_schedule *out);

/* ---- time (apex_time.c) ---- */

/* Ticks of a SYSTEM_TIME_TYPE, rounded up so that nothing ends early. */
uint64_t apex_ticks(SYSTEM_TIME_TYPE ns);
/* Ticks to wait so that at least ns pass from now (a tick more). */
uint64_t apex_timeout_ticks(SYSTEM_TIME_TYPE ns);
uint64_t apex_now_ticks(void);
/* The tick of p's first release point from now: for a periodic process
 * the partition's next period boundary (ARINC 653: periodic processes are
 * released at the partition's periodic processing starts), for an
 * aperiodic one now. */
uint64_t apex_release_base(const struct apex_process *p);
SYSTEM_TIME_TYPE apex_ticks_to_ns(uint64_t ticks);
/* Blocks the calling process until tick. */
void apex_sleep_until(struct apex_process *p, uint64_t tick);
/* Arms p's deadline at release + TIME_CAPACITY (none if infinite). */
void apex_deadline_arm(struct apex_process *p, uint64_t from);
void apex_deadline_init(struct apex_process *p);
void apex_deadline_disarm(struct apex_process *p);

/* ---- waiting on intra-partition objects (apex_block.c) ---- */

struct apex_waitq {
    QUEUING_DISCIPLINE_TYPE discipline;
    WAITING_RANGE_TYPE count;
};

/* Blocks the calling process p on q for timeout ns (not 0), offering data
 * and len; NO_ERROR once woken by apex_wake_head/apex_wake_all (the waker
 * did the transfer), TIMED_OUT. Called with interrupts disabled at level;
 * returns with them disabled again. */
RETURN_CODE_TYPE apex_block(struct apex_process *p, struct apex_waitq *q, void *data,
                            APEX_INTEGER len, SYSTEM_TIME_TYPE timeout,
                            rtems_interrupt_level *level);
/* The head of q by its discipline, or NULL; apex_wake() takes it off q and
 * wakes it. Interrupts disabled. */
struct apex_process *apex_waitq_head(struct apex_waitq *q);
rtems_id apex_wake(struct apex_process *p);
/* Removes p from its wait queue, if any. Interrupts disabled. */
void apex_unwait(struct apex_process *p);

/* INVALID_PARAM for a TIME_OUT below INFINITE_TIME_VALUE, else NO_ERROR;
 * also drops a wake-up left over from an earlier wait of the caller. */
RETURN_CODE_TYPE apex_wait_check(SYSTEM_TIME_TYPE timeout);
/* A waiting service's first checks: INVALID_PARAM unless its arguments are
 * valid, then apex_wait_check. */
RETURN_CODE_TYPE apex_wait_begin(bool valid, SYSTEM_TIME_TYPE timeout);
/* What a service whose object is not available returns without waiting:
 * NOT_AVAILABLE for TIME_OUT 0, INVALID_MODE when the caller may not
 * block, NO_ERROR when it may (and so it blocks). */
RETURN_CODE_TYPE apex_unavailable(SYSTEM_TIME_TYPE timeout);
/* Wakes the tasks that apex_wake() marked, once interrupts are enabled. */
void apex_notify(const rtems_id *tasks, int count);

/* ---- intra-partition objects of one kind (apex_objects.c) ---- */

/* What every buffer, blackboard, semaphore and event starts with. */
struct apex_object {
    bool used;
    NAME_TYPE name;
    struct apex_waitq q;
};

/* A static table of objects of one kind; each element starts with a
 * struct apex_object. Ids are index + 1, so that 0 is no object. */
struct apex_object_table {
    void *slots;
    size_t size; /* of one element */
    APEX_INTEGER count;
};

#define APEX_OBJECT_TABLE(array)                                                                   \
    {                                                                                              \
        (array), sizeof((array)[0]), (APEX_INTEGER)(sizeof(array) / sizeof((array)[0]))            \
    }

/* The four tables, for apex_objects_reset (each defined with its kind). */
extern const struct apex_object_table apex_buffer_table, apex_blackboard_table,
    apex_semaphore_table, apex_event_table;

/* The object of id, or NULL (INVALID_PARAM for the services). */
void *apex_object_get(const struct apex_object_table *t, APEX_INTEGER id);
/* The id of the object named name, or 0. */
APEX_INTEGER apex_object_find(const struct apex_object_table *t, const char *name);
/* CREATE_*'s checks before its own: INVALID_MODE once the partition is
 * NORMAL, NO_ACTION for a name in use; else NO_ERROR. */
RETURN_CODE_TYPE apex_object_create_check(const struct apex_object_table *t, const char *name);
/* A free element (not yet used), or NULL (INVALID_CONFIG). */
void *apex_object_free(const struct apex_object_table *t);
/* Makes the free element obj the object named name, its queue empty with
 * discipline; returns its id. */
APEX_INTEGER apex_object_add(const struct apex_object_table *t, void *obj, const char *name,
                             QUEUING_DISCIPLINE_TYPE discipline);
/* GET_*_ID: the id of name, INVALID_CONFIG when there is none. */
void apex_object_get_id(const struct apex_object_table *t, const char *name, APEX_INTEGER *id,
                        RETURN_CODE_TYPE *rc);

/* Bytes for the messages of all buffers and blackboards of a partition. */
#define APEX_STORAGE_SIZE (64u * 1024u)
/* size bytes of message storage (word-aligned), or NULL when the pool is
 * spent (apex_storage.c). */
void *apex_storage_alloc(size_t size);

/* Whether two APEX names are the same (up to MAX_NAME_LENGTH bytes). */
bool apex_name_eq(const char *a, const char *b);
void apex_name_copy(char *to, const char *from);

#endif
