/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Control blocks and the configuration record of the executive.
 *
 * Not an application interface: <rtems/confdefs.h> needs the complete types
 * to allocate the object tables statically inside the application (sized by
 * CONFIGURE_MAXIMUM_*), <rtems/extension.h> makes rtems_tcb (struct
 * exec_thread) complete, as RTEMS does, and the core uses them internally. Nothing here
 * depends on the port: a thread's machine context lives in its stack area.
 */
#ifndef TESSERA_EXEC_TYPES_H
#define TESSERA_EXEC_TYPES_H

#include <rtems/config.h>
#include <rtems/extension.h>
#include <rtems/io.h>
#include <rtems/rtems/message.h>
#include <rtems/rtems/ratemon.h>
#include <rtems/rtems/region.h>
#include <rtems/rtems/signal.h>
#include <rtems/rtems/timer.h>
#include <rtems/rtems/types.h>

/* Circular doubly-linked list with a sentinel; see guest/core/chain.h. */
struct exec_node {
    struct exec_node *next;
    struct exec_node *prev;
};

struct exec_chain {
    struct exec_node head;
};

/* Common header of every object control block. */
struct exec_object {
    rtems_id id;
    rtems_name name;
    bool active;
    struct exec_node inactive_node;
};

struct exec_watchdog;
typedef void (*exec_watchdog_routine)(struct exec_watchdog *);

/* A timeout: expires when the list's clock reaches expire. */
struct exec_watchdog {
    struct exec_node node;
    uint64_t expire;
    exec_watchdog_routine routine;
    struct exec_watchdog_list *list; /* NULL while not armed */
};

struct exec_watchdog_list {
    struct exec_chain armed; /* sorted by expire, FIFO among equals */
};

enum exec_tq_discipline { EXEC_TQ_FIFO, EXEC_TQ_PRIORITY };

struct exec_mutex;

/* The threads blocked on one object. */
struct exec_threadq {
    struct exec_chain waiters;
    enum exec_tq_discipline discipline;
    struct exec_mutex *mutex; /* set if waiters may lend their priority */
};

enum exec_mutex_protocol { EXEC_MUTEX_NO_PROTOCOL, EXEC_MUTEX_INHERIT, EXEC_MUTEX_CEILING };

/* An owned, recursive lock with an optional priority protocol. */
struct exec_mutex {
    struct exec_threadq queue;
    struct exec_thread *owner;
    uint32_t nest_count;
    enum exec_mutex_protocol protocol;
    uint32_t ceiling;
    struct exec_node held_node; /* in owner->held_mutexes */
};

/* What a blocked thread waits for and how the wait ended. */
struct exec_wait {
    struct exec_threadq *queue;
    rtems_status_code status;
    rtems_option option;
    rtems_event_set events; /* wanted; on success: received */
    bool system_events;
    void *buffer; /* message receive buffer */
    size_t size;  /* received message size */
};

struct port_context;

/* Cancellation state of a thread (RTEMS's thread life states). */
#define EXEC_LIFE_DISABLED  0x1u /* PTHREAD_CANCEL_DISABLE */
#define EXEC_LIFE_DEFERRED  0x2u /* PTHREAD_CANCEL_DEFERRED (POSIX threads start so) */
#define EXEC_LIFE_CANCELLED 0x4u /* pthread_cancel asked, not acted on yet */
/* Another task deleted or restarted it; it does so itself when it next runs (task.c). */
#define EXEC_LIFE_TERMINATING 0x8u
#define EXEC_LIFE_RESTARTING  0x10u
/* A thread name's buffer with its NUL (RTEMS's default CONFIGURE_MAXIMUM_THREAD_NAME_SIZE). */
#define EXEC_THREAD_NAME_SIZE 16

struct exec_thread {
    union {
        struct exec_object object;
        /*
         * The same header under RTEMS's names, for applications that read
         * a task's id or name from an rtems_tcb (extension hooks:
         * the_thread->Object.id, ->Object.name.name_u32). Read-only.
         */
        struct {
            rtems_id id;
            union {
                uint32_t name_u32;
            } name;
        } Object;
    };
    uint32_t state;        /* EXEC_STATE_* bits; 0 = ready */
    struct exec_node node; /* in a ready chain or a thread queue */
    uint32_t real_priority;
    uint32_t priority; /* effective: real, lowered by held mutexes */
    struct exec_chain held_mutexes;
    struct exec_wait wait;
    struct exec_watchdog timer;
    rtems_event_set events_pending;
    rtems_event_set system_events_pending;
    struct port_context *context;
    void *stack_area;
    size_t stack_size;
    bool stack_from_workspace;
    void (*storage_free)(void *);
    rtems_task_entry entry;
    rtems_task_argument argument;
    bool restart_pending; /* restarted: run the restart hooks when it next runs */
    uint32_t initial_priority;
    rtems_mode initial_modes;
    rtems_attribute attributes;
    bool is_fp; /* RTEMS_FLOATING_POINT: the FPU context is kept (RTEMS's name) */
    bool preemptible;
    bool timeslice;
    bool asr_disabled;
    uint32_t isr_level;
    uint32_t budget;
    uint64_t cpu_time_used; /* ns, up to the last switch away from it */
    rtems_asr_entry asr_handler;
    rtems_mode asr_mode_set;
    rtems_signal_set signals_pending;
    /* POSIX cancellation (guest/posix/cancel.c), kept for every task as RTEMS does. */
    uint32_t life;                           /* EXEC_LIFE_* bits */
    rtems_task_argument restart_argument;    /* of EXEC_LIFE_RESTARTING */
    struct exec_threadq life_waiters;        /* its deleters, until it has ended */
    void *last_cleanup_context;              /* pthread_cleanup_push's chain, innermost first */
    char thread_name[EXEC_THREAD_NAME_SIZE]; /* pthread_setname_np's; "" until set */
};

enum exec_sem_variant {
    EXEC_SEM_COUNTING,
    EXEC_SEM_SIMPLE_BINARY,
    EXEC_SEM_MUTEX,
};

struct exec_semaphore {
    struct exec_object object;
    rtems_attribute attributes;
    enum exec_sem_variant variant;
    uint32_t count;          /* counting and simple binary */
    struct exec_mutex mutex; /* its queue is the wait queue of every variant */
};

struct exec_message_queue {
    struct exec_object object;
    rtems_attribute attributes;
    struct exec_threadq receivers;
    uint32_t maximum_pending;
    size_t maximum_size;
    uint32_t pending_count;
    exec_message_buffer *free_buffers;
    exec_message_buffer *pending_head;
    exec_message_buffer *pending_tail;
    void *storage;
    bool storage_from_workspace;
    void (*storage_free)(void *);
};

struct exec_timer {
    struct exec_object object;
    Timer_Classes the_class;
    struct exec_watchdog watchdog;
    rtems_timer_service_routine_entry routine;
    void *user_data;
    rtems_interval initial;
    rtems_interval start_time;
    rtems_interval stop_time;
    struct exec_node server_node; /* queued for the timer server */
    bool server_pending;
};

struct exec_period {
    struct exec_object object;
    struct exec_thread *owner;
    rtems_rate_monotonic_period_states state;
    struct exec_watchdog timer;
    rtems_interval next_length;
    uint32_t postponed_jobs;
    uint64_t initiated_ns;     /* uptime when the current period began */
    uint64_t cpu_initiated_ns; /* owner's processor time then */
    uint32_t count;
    uint32_t missed_count;
    uint64_t min_cpu, max_cpu, total_cpu;
    uint64_t min_wall, max_wall, total_wall;
};

/* An RTEMS partition (Partition Manager): a pool of fixed-size buffers. */
struct exec_buffer_pool {
    struct exec_object object;
    rtems_attribute attributes;
    char *base;
    char *limit; /* last byte */
    size_t buffer_size;
    uint32_t used;
    struct exec_chain free_buffers; /* the nodes live in the buffers */
};

struct exec_heap_area;

/* First-fit heap over one or more areas; see guest/core/heap.h. */
struct exec_heap {
    struct exec_heap_area *areas;
    uintptr_t page_size;
    Heap_Statistics stats;
};

struct exec_region {
    struct exec_object object;
    rtems_attribute attributes;
    struct exec_threadq waiters;
    struct exec_heap heap;
    uintptr_t maximum_segment_size;
};

struct exec_barrier {
    struct exec_object object;
    rtems_attribute attributes;
    uint32_t maximum_waiters; /* 0: released manually */
    struct exec_threadq waiters;
};

struct exec_dpmem {
    struct exec_object object;
    char *internal;
    char *external;
    uint32_t last_offset; /* length - 1 */
};

struct exec_extension {
    struct exec_object object;
    rtems_extensions_table table;
    struct exec_node node; /* in the active list, in creation order */
};

/* Everything <rtems/confdefs.h> hands to the executive. */
struct exec_config {
    uint32_t microseconds_per_tick;
    uint32_t ticks_per_timeslice;
    uint32_t maximum_priority;
    bool clock_driver;
    size_t minimum_stack_size;
    void *(*idle_body)(uintptr_t);
    void *idle_stack;
    size_t idle_stack_size;
    void *workspace;
    size_t workspace_size;
    rtems_api_configuration_table api;
    struct exec_thread *tasks;
    struct exec_semaphore *semaphores;
    struct exec_message_queue *message_queues;
    struct exec_timer *timers;
    struct exec_buffer_pool *buffer_pools; /* RTEMS partitions */
    struct exec_region *regions;
    struct exec_dpmem *dpmems; /* RTEMS ports: dual-ported memory */
    struct exec_period *periods;
    struct exec_barrier *barriers;
    struct exec_extension *extensions;
    uint32_t maximum_extensions;
    const rtems_extensions_table *initial_extensions;
    size_t initial_extension_count;
    rtems_driver_address_table *drivers; /* writable: drivers register at run time */
    uint32_t number_of_drivers;
    /* guest/posix's tables and initialization threads (NULL: no POSIX API). */
    void (*posix_initialize)(void);
    /* CONFIGURE_MAXIMUM_THREAD_NAME_SIZE: pthread_setname_np's limit with the NUL. */
    uint32_t thread_name_size;
};

/* Defined by <rtems/confdefs.h> in the application's CONFIGURE_INIT unit. */
extern const struct exec_config exec_config;

/* Bytes the workspace allocator needs around each allocation. */
#define EXEC_WORKSPACE_OVERHEAD  32u
#define EXEC_WORKSPACE_ALIGNMENT 16u
#define EXEC_WORKSPACE_ALLOC_SIZE(_bytes)                                                          \
    ((((size_t)(_bytes) + EXEC_WORKSPACE_ALIGNMENT - 1) &                                          \
      ~((size_t)EXEC_WORKSPACE_ALIGNMENT - 1)) +                                                   \
     EXEC_WORKSPACE_OVERHEAD)

#endif
