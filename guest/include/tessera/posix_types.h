/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Control blocks and configuration record of the POSIX API (guest/posix).
 *
 * Not an application interface: <rtems/confdefs.h> allocates the tables
 * (sized by CONFIGURE_MAXIMUM_POSIX_*) inside the application, as it does
 * for the Classic API. newlib's pthread types are object ids (uint32), so
 * every POSIX object lives in such a table and the application's variable
 * holds its id, as in RTEMS before 4.11.
 */
#ifndef TESSERA_POSIX_TYPES_H
#define TESSERA_POSIX_TYPES_H

#include <tessera/exec_types.h>

#include <signal.h>

/* Classes of the POSIX API in object ids (RTEMS's numbering). */
#define EXEC_POSIX_KEYS_CLASS                2
#define EXEC_POSIX_MESSAGE_QUEUES_CLASS      5
#define EXEC_POSIX_TIMERS_CLASS              9
#define EXEC_POSIX_MUTEXES_CLASS             6
#define EXEC_POSIX_SEMAPHORES_CLASS          7
#define EXEC_POSIX_CONDITION_VARIABLES_CLASS 8
#define EXEC_POSIX_BARRIERS_CLASS            10
#define EXEC_POSIX_SPINLOCKS_CLASS           11
#define EXEC_POSIX_RWLOCKS_CLASS             12

/* A POSIX thread: a task (the core schedules .thread) and its POSIX state. */
struct posix_thread {
    struct exec_thread thread;
    void *(*start_routine)(void *);
    void *arg;
    int policy;
    bool detached;
    bool exited;      /* joinable, ended, waiting to be joined */
    void *exit_value; /* valid once exited */
    struct exec_threadq joiners;
};

struct posix_mutex {
    struct exec_object object;
    struct exec_mutex mutex;
    int type; /* PTHREAD_MUTEX_* */
};

struct posix_cond {
    struct exec_object object;
    struct exec_threadq waiters;
    uint32_t mutex; /* id of the mutex of the current waiters, 0: none */
    int clock;      /* clockid_t of timed waits */
};

struct posix_key {
    struct exec_object object;
    void (*destructor)(void *);
    void **values; /* one per thread (Classic tasks, then POSIX threads) */
};

/* Longest name of a named semaphore (a fixed array in every block). */
#define POSIX_SEMAPHORE_NAME_MAX 31

struct posix_semaphore {
    struct exec_object object;
    uint32_t count;
    struct exec_threadq waiters;
    /* Named semaphores (sem_open) only: */
    bool named;
    bool linked;         /* the name still finds it (not unlinked) */
    uint32_t open_count; /* sem_open calls not yet closed */
    uint32_t handle;     /* the sem_t sem_open returns a pointer to */
    char name[POSIX_SEMAPHORE_NAME_MAX + 1];
};

struct posix_barrier {
    struct exec_object object;
    uint32_t count;
    uint32_t waiting;
    struct exec_threadq waiters;
};

struct posix_spinlock {
    struct exec_object object;
    const struct exec_thread *holder;
    uint32_t level; /* the holder's interrupt level before it locked */
};

struct posix_rwlock {
    struct exec_object object;
    struct exec_threadq waiters; /* FIFO; wait.option: 1 for a writer */
    uint32_t readers;
    struct exec_thread *writer;
};

/* Longest name of a message queue (a fixed array in every block). */
#define POSIX_MQUEUE_NAME_MAX 31

/*
 * Header of one message in a queue's storage, the bytes following it. The
 * same size as a Classic queue's buffer header (exec_message_buffer), so
 * that CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE counts POSIX queues right, as
 * RTEMS's does: the priority shares the size's word (size < 2^24).
 */
struct posix_mq_message {
    struct posix_mq_message *next;
    size_t size_priority; /* size | priority << POSIX_MQ_PRIORITY_SHIFT */
};
#define POSIX_MQ_PRIORITY_SHIFT 24
#define POSIX_MQ_SIZE_MAX       ((1ul << POSIX_MQ_PRIORITY_SHIFT) - 1)

/* A queue's messages: pending ones highest priority first (FIFO within a
 * priority), and the free buffers (guest/posix/posix_mq_buffers.c). */
struct posix_mq_buffers {
    struct posix_mq_message *pending;
    struct posix_mq_message *free;
    uint32_t count; /* pending */
};

struct posix_mqueue {
    struct exec_object object;
    struct exec_threadq receivers; /* wait.buffer: where the message goes */
    struct exec_threadq senders;   /* wait.buffer/size/option: the message */
    struct posix_mq_buffers buffers;
    void *storage; /* from the workspace: maxmsg buffers */
    uint32_t maxmsg;
    uint32_t msgsize;
    int oflag;           /* access mode and O_NONBLOCK, from the creating mq_open */
    bool linked;         /* the name still finds it */
    uint32_t open_count; /* mq_open calls not yet closed */
    bool notify_armed;
    struct sigevent notification; /* mq_notify's, while notify_armed */
    char name[POSIX_MQUEUE_NAME_MAX + 1];
};

/*
 * Signal state of one thread: a slot per Classic task, then per POSIX
 * thread (the slots of keys). waiting: the set a thread blocked in
 * sigwait/sigtimedwait/sigwaitinfo accepts (0: not waiting); received: what
 * it got. A suspended thread waits in the same queue with waiting 0.
 */
struct posix_signal_thread {
    sigset_t blocked;
    sigset_t pending;
    sigset_t waiting;
    siginfo_t received;
    bool suspended; /* in sigsuspend or pause: any delivery wakes it */
};

/* A timer of timer_create. */
struct posix_timer {
    struct exec_object object;
    int clock;             /* clockid_t: CLOCK_REALTIME (ns watchdogs) or MONOTONIC (ticks) */
    struct sigevent event; /* SIGEV_NONE or SIGEV_SIGNAL */
    struct exec_watchdog watchdog; /* expire: realtime ns or ticks, by clock */
    uint64_t interval_ns;          /* 0: one-shot */
    uint32_t overrun;              /* expirations since the last signal that found it pending */
};

/* A table of one class: blocks and how many. */
struct posix_table {
    void *blocks;
    uint32_t maximum;
};

struct posix_config {
    struct posix_table threads;
    struct posix_table mutexes;
    struct posix_table condition_variables;
    struct posix_table keys;
    struct posix_table semaphores;
    struct posix_table barriers;
    struct posix_table spinlocks;
    struct posix_table rwlocks;
    struct posix_table message_queues;
    struct posix_table timers;
    struct posix_signal_thread *signal_threads; /* tasks, then POSIX threads */
    size_t minimum_stack_size;                  /* of a POSIX thread; pthread_attr_init's default */
    void *(*init_thread_entry)(void *);         /* NULL: no initialization thread */
    size_t init_thread_stack_size;
};

/* Defined by <rtems/confdefs.h> when the application configures POSIX. */
extern const struct posix_config exec_posix_config;

/* Installed as exec_config.posix_initialize by <rtems/confdefs.h>. */
void exec_posix_initialize(void);

#endif
