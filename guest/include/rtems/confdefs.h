/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Application configuration. In the one compilation unit that defines
 * CONFIGURE_INIT before including this header, the CONFIGURE_* macros are
 * turned into the executive's configuration record (exec_config) and the
 * statically allocated object tables, stacks and workspace it refers to.
 * Elsewhere this header declares nothing beyond <rtems.h>.
 */
#ifndef TESSERA_RTEMS_CONFDEFS_H
#define TESSERA_RTEMS_CONFDEFS_H

#include <rtems.h>

/* Workspace bytes for the buffers of one message queue. */
#define CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(_messages, _size)                                      \
    EXEC_WORKSPACE_ALLOC_SIZE((size_t)(_messages)*EXEC_MESSAGE_BUFFER_STRIDE(_size))

#ifdef CONFIGURE_INIT

#include <tessera/exec_types.h>

/* ---- Drivers ------------------------------------------------------------ */

#if !defined(CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER) &&                                          \
    !defined(CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER) &&                                  \
    !defined(CONFIGURE_APPLICATION_NEEDS_TIMER_DRIVER)
#error                                                                                             \
    "You must define one of CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER, CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER, and CONFIGURE_APPLICATION_NEEDS_TIMER_DRIVER"
#endif
#if (defined(CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER) +                                           \
     defined(CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER) +                                   \
     defined(CONFIGURE_APPLICATION_NEEDS_TIMER_DRIVER)) > 1
#error                                                                                             \
    "CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER, CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER, and CONFIGURE_APPLICATION_NEEDS_TIMER_DRIVER are mutually exclusive"
#endif
#ifdef CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define _EXEC_CLOCK_DRIVER true
#else
#define _EXEC_CLOCK_DRIVER false
#endif
/*
 * CONFIGURE_APPLICATION_NEEDS_CONSOLE_DRIVER and ..._SIMPLE_CONSOLE_DRIVER
 * need nothing here: the console is always the port's (it has no entry in
 * the driver table, so the application's drivers start at major 0).
 */

/*
 * The I/O manager's driver table, in RTEMS's order: the prerequisite
 * drivers, the extra drivers, then a null entry if asked for or if there is
 * no driver at all. CONFIGURE_MAXIMUM_DRIVERS (default: just the configured
 * drivers) leaves free entries for rtems_io_register_driver.
 */
#define NULL_DRIVER_TABLE_ENTRY                                                                    \
    {                                                                                              \
        NULL, NULL, NULL, NULL, NULL, NULL                                                         \
    }
#if defined(CONFIGURE_APPLICATION_PREREQUISITE_DRIVERS) ||                                         \
    defined(CONFIGURE_APPLICATION_EXTRA_DRIVERS)
#define _EXEC_HAS_IO_DRIVERS
#endif
#if defined(_EXEC_HAS_IO_DRIVERS) || defined(CONFIGURE_APPLICATION_NEEDS_NULL_DRIVER) ||           \
    defined(CONFIGURE_MAXIMUM_DRIVERS)
#ifdef CONFIGURE_MAXIMUM_DRIVERS
#define _EXEC_DRIVER_TABLE_LENGTH CONFIGURE_MAXIMUM_DRIVERS
#else
#define _EXEC_DRIVER_TABLE_LENGTH
#endif
static rtems_driver_address_table _Exec_drivers[_EXEC_DRIVER_TABLE_LENGTH] = {
#ifdef CONFIGURE_APPLICATION_PREREQUISITE_DRIVERS
    CONFIGURE_APPLICATION_PREREQUISITE_DRIVERS,
#endif
#ifdef CONFIGURE_APPLICATION_EXTRA_DRIVERS
    CONFIGURE_APPLICATION_EXTRA_DRIVERS,
#endif
#if defined(CONFIGURE_APPLICATION_NEEDS_NULL_DRIVER) || !defined(_EXEC_HAS_IO_DRIVERS)
    NULL_DRIVER_TABLE_ENTRY,
#endif
};
#define _EXEC_DRIVERS        _Exec_drivers
#define _EXEC_DRIVERS_LENGTH (sizeof(_Exec_drivers) / sizeof(_Exec_drivers[0]))
#else
#define _EXEC_DRIVERS        NULL
#define _EXEC_DRIVERS_LENGTH 0
#endif

/* ---- Clock and scheduler ------------------------------------------------ */

#ifndef CONFIGURE_MICROSECONDS_PER_TICK
#define CONFIGURE_MICROSECONDS_PER_TICK 10000
#endif
#if CONFIGURE_MICROSECONDS_PER_TICK <= 0
#error "CONFIGURE_MICROSECONDS_PER_TICK must be positive"
#endif
#ifndef CONFIGURE_TICKS_PER_TIMESLICE
#define CONFIGURE_TICKS_PER_TIMESLICE 50
#endif
/* Thread names live in a fixed buffer of every task (EXEC_THREAD_NAME_SIZE). */
#ifndef CONFIGURE_MAXIMUM_THREAD_NAME_SIZE
#define CONFIGURE_MAXIMUM_THREAD_NAME_SIZE EXEC_THREAD_NAME_SIZE
#endif
#if CONFIGURE_MAXIMUM_THREAD_NAME_SIZE < 1 ||                                                      \
    CONFIGURE_MAXIMUM_THREAD_NAME_SIZE > EXEC_THREAD_NAME_SIZE
#error "CONFIGURE_MAXIMUM_THREAD_NAME_SIZE: 1 to 16 here"
#endif
#if CONFIGURE_TICKS_PER_TIMESLICE <= 0
#error "CONFIGURE_TICKS_PER_TIMESLICE shall be greater than zero"
#endif
#ifndef CONFIGURE_MAXIMUM_PRIORITY
#define CONFIGURE_MAXIMUM_PRIORITY 255
#endif
#if CONFIGURE_MAXIMUM_PRIORITY != 3 && CONFIGURE_MAXIMUM_PRIORITY != 7 &&                          \
    CONFIGURE_MAXIMUM_PRIORITY != 15 && CONFIGURE_MAXIMUM_PRIORITY != 31 &&                        \
    CONFIGURE_MAXIMUM_PRIORITY != 63 && CONFIGURE_MAXIMUM_PRIORITY != 127 &&                       \
    CONFIGURE_MAXIMUM_PRIORITY != 255
#error "CONFIGURE_MAXIMUM_PRIORITY must be one of 3, 7, 15, 31, 63, 127, and 255"
#endif

/* ---- Objects ------------------------------------------------------------ */

#ifndef CONFIGURE_MAXIMUM_TASKS
#define CONFIGURE_MAXIMUM_TASKS 0
#endif
#ifndef CONFIGURE_MAXIMUM_SEMAPHORES
#define CONFIGURE_MAXIMUM_SEMAPHORES 0
#endif
#ifndef CONFIGURE_MAXIMUM_MESSAGE_QUEUES
#define CONFIGURE_MAXIMUM_MESSAGE_QUEUES 0
#endif
#ifndef CONFIGURE_MAXIMUM_TIMERS
#define CONFIGURE_MAXIMUM_TIMERS 0
#endif
#ifndef CONFIGURE_MAXIMUM_PARTITIONS
#define CONFIGURE_MAXIMUM_PARTITIONS 0
#endif
#ifndef CONFIGURE_MAXIMUM_REGIONS
#define CONFIGURE_MAXIMUM_REGIONS 0
#endif
#ifndef CONFIGURE_MAXIMUM_PORTS
#define CONFIGURE_MAXIMUM_PORTS 0
#endif
#ifndef CONFIGURE_MAXIMUM_PERIODS
#define CONFIGURE_MAXIMUM_PERIODS 0
#endif
#ifndef CONFIGURE_MAXIMUM_BARRIERS
#define CONFIGURE_MAXIMUM_BARRIERS 0
#endif
#ifndef CONFIGURE_MAXIMUM_USER_EXTENSIONS
#define CONFIGURE_MAXIMUM_USER_EXTENSIONS 0
#endif
#if CONFIGURE_MAXIMUM_TASKS > 0xffff || CONFIGURE_MAXIMUM_SEMAPHORES > 0xffff ||                   \
    CONFIGURE_MAXIMUM_MESSAGE_QUEUES > 0xffff || CONFIGURE_MAXIMUM_TIMERS > 0xffff ||              \
    CONFIGURE_MAXIMUM_PARTITIONS > 0xffff || CONFIGURE_MAXIMUM_REGIONS > 0xffff ||                 \
    CONFIGURE_MAXIMUM_PORTS > 0xffff || CONFIGURE_MAXIMUM_PERIODS > 0xffff ||                      \
    CONFIGURE_MAXIMUM_BARRIERS > 0xffff || CONFIGURE_MAXIMUM_USER_EXTENSIONS > 0xffff
#error                                                                                             \
    "object maximums must fit the 16-bit index of an object id (unlimited objects are not supported)"
#endif

/* ---- Stacks and workspace ----------------------------------------------- */

#ifndef CONFIGURE_MINIMUM_TASK_STACK_SIZE
#define CONFIGURE_MINIMUM_TASK_STACK_SIZE RTEMS_MINIMUM_STACK_SIZE
#endif
#ifndef CONFIGURE_IDLE_TASK_STACK_SIZE
#define CONFIGURE_IDLE_TASK_STACK_SIZE CONFIGURE_MINIMUM_TASK_STACK_SIZE
#endif
#ifndef CONFIGURE_EXTRA_TASK_STACKS
#define CONFIGURE_EXTRA_TASK_STACKS 0
#endif
#ifndef CONFIGURE_MESSAGE_BUFFER_MEMORY
#define CONFIGURE_MESSAGE_BUFFER_MEMORY 0
#endif
#ifndef CONFIGURE_MEMORY_OVERHEAD
#define CONFIGURE_MEMORY_OVERHEAD 0
#endif

/* ---- Initialization task ------------------------------------------------ */

#ifdef CONFIGURE_RTEMS_INIT_TASKS_TABLE
#ifndef CONFIGURE_INIT_TASK_NAME
#define CONFIGURE_INIT_TASK_NAME rtems_build_name('U', 'I', '1', ' ')
#endif
#ifndef CONFIGURE_INIT_TASK_STACK_SIZE
#define CONFIGURE_INIT_TASK_STACK_SIZE CONFIGURE_MINIMUM_TASK_STACK_SIZE
#endif
#ifndef CONFIGURE_INIT_TASK_PRIORITY
#define CONFIGURE_INIT_TASK_PRIORITY 1
#endif
#ifndef CONFIGURE_INIT_TASK_ATTRIBUTES
#define CONFIGURE_INIT_TASK_ATTRIBUTES RTEMS_DEFAULT_ATTRIBUTES
#endif
#ifndef CONFIGURE_INIT_TASK_INITIAL_MODES
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_NO_PREEMPT
#endif
#ifndef CONFIGURE_INIT_TASK_ENTRY_POINT
rtems_task Init(rtems_task_argument);
#define CONFIGURE_INIT_TASK_ENTRY_POINT Init
#endif
#ifndef CONFIGURE_INIT_TASK_ARGUMENTS
#define CONFIGURE_INIT_TASK_ARGUMENTS 0
#endif
#define _EXEC_INIT_TASK_COUNT 1
#define _EXEC_INIT_TASK_EXTRA_STACK                                                                \
    ((CONFIGURE_INIT_TASK_STACK_SIZE) > (CONFIGURE_MINIMUM_TASK_STACK_SIZE)                        \
         ? (CONFIGURE_INIT_TASK_STACK_SIZE) - (CONFIGURE_MINIMUM_TASK_STACK_SIZE)                  \
         : 0)
static const rtems_initialization_tasks_table _Exec_init_tasks[] = {{
    .name = CONFIGURE_INIT_TASK_NAME,
    .stack_size = CONFIGURE_INIT_TASK_STACK_SIZE,
    .initial_priority = CONFIGURE_INIT_TASK_PRIORITY,
    .attribute_set = CONFIGURE_INIT_TASK_ATTRIBUTES,
    .entry_point = CONFIGURE_INIT_TASK_ENTRY_POINT,
    .mode_set = CONFIGURE_INIT_TASK_INITIAL_MODES,
    .argument = (rtems_task_argument)(CONFIGURE_INIT_TASK_ARGUMENTS),
}};
#define _EXEC_INIT_TASKS _Exec_init_tasks
#elif defined(CONFIGURE_POSIX_INIT_THREAD_TABLE)
#define _EXEC_INIT_TASK_COUNT       0
#define _EXEC_INIT_TASK_EXTRA_STACK 0
#define _EXEC_INIT_TASKS            NULL
#else
#error "You must define CONFIGURE_RTEMS_INIT_TASKS_TABLE or CONFIGURE_POSIX_INIT_THREAD_TABLE"
#endif

#include <tessera/posix_confdefs.h>

#define _EXEC_WORKSPACE_SIZE                                                                       \
    ((size_t)(CONFIGURE_MAXIMUM_TASKS) *                                                           \
         (EXEC_WORKSPACE_ALLOC_SIZE(CONFIGURE_MINIMUM_TASK_STACK_SIZE) +                           \
          EXEC_WORKSPACE_ALIGNMENT) +                                                              \
     (size_t)_EXEC_INIT_TASK_EXTRA_STACK + (size_t)(CONFIGURE_EXTRA_TASK_STACKS) +                 \
     (size_t)(CONFIGURE_MESSAGE_BUFFER_MEMORY) + (size_t)(CONFIGURE_MEMORY_OVERHEAD)*1024u +       \
     _EXEC_POSIX_WORKSPACE_SIZE + 2u * EXEC_WORKSPACE_ALIGNMENT)

static char _Exec_workspace[_EXEC_WORKSPACE_SIZE]
    __attribute__((aligned(EXEC_WORKSPACE_ALIGNMENT)));
static char _Exec_idle_stack[CONFIGURE_IDLE_TASK_STACK_SIZE]
    __attribute__((aligned(EXEC_WORKSPACE_ALIGNMENT)));

#define _EXEC_TABLE_LENGTH(_n) ((_n) > 0 ? (_n) : 1)
static struct exec_thread _Exec_tasks[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_TASKS)];
static struct exec_semaphore _Exec_semaphores[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_SEMAPHORES)];
static struct exec_message_queue
    _Exec_message_queues[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_MESSAGE_QUEUES)];
static struct exec_timer _Exec_timers[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_TIMERS)];
static struct exec_buffer_pool _Exec_buffer_pools[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_PARTITIONS)];
static struct exec_region _Exec_regions[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_REGIONS)];
static struct exec_dpmem _Exec_dpmems[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_PORTS)];
static struct exec_period _Exec_periods[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_PERIODS)];
static struct exec_barrier _Exec_barriers[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_BARRIERS)];
static struct exec_extension
    _Exec_extensions[_EXEC_TABLE_LENGTH(CONFIGURE_MAXIMUM_USER_EXTENSIONS)];

/* ---- Extensions and idle ------------------------------------------------ */

/* CONFIGURE_TESSERA_TRACE (pv port only): the executive's task switches,
 * task names and interrupts go into the kernel's trace
 * (guest/port/pv/include/tessera/trace.h), through an initial extension
 * ahead of the application's own. */
#ifdef CONFIGURE_TESSERA_TRACE
#include <tessera/trace.h>
#define _EXEC_TRACE_EXTENSIONS TESSERA_TRACE_EXTENSION,
#else
#define _EXEC_TRACE_EXTENSIONS
#endif
#ifdef CONFIGURE_INITIAL_EXTENSIONS
#define _EXEC_APP_EXTENSIONS CONFIGURE_INITIAL_EXTENSIONS
#else
#define _EXEC_APP_EXTENSIONS
#endif

#if defined(CONFIGURE_INITIAL_EXTENSIONS) || defined(CONFIGURE_TESSERA_TRACE)
static const rtems_extensions_table _Exec_initial_extensions[] = {
    _EXEC_TRACE_EXTENSIONS _EXEC_APP_EXTENSIONS};
#define _EXEC_INITIAL_EXTENSIONS _Exec_initial_extensions
#define _EXEC_INITIAL_EXTENSION_COUNT                                                              \
    (sizeof(_Exec_initial_extensions) / sizeof(_Exec_initial_extensions[0]))
#else
#define _EXEC_INITIAL_EXTENSIONS      NULL
#define _EXEC_INITIAL_EXTENSION_COUNT 0
#endif

#ifdef CONFIGURE_IDLE_TASK_BODY
void *CONFIGURE_IDLE_TASK_BODY(uintptr_t);
#define _EXEC_IDLE_BODY CONFIGURE_IDLE_TASK_BODY
#else
#define _EXEC_IDLE_BODY NULL
#endif

/* ---- The record --------------------------------------------------------- */

const struct exec_config exec_config = {
    .microseconds_per_tick = CONFIGURE_MICROSECONDS_PER_TICK,
    .ticks_per_timeslice = CONFIGURE_TICKS_PER_TIMESLICE,
    .thread_name_size = CONFIGURE_MAXIMUM_THREAD_NAME_SIZE,
    .maximum_priority = CONFIGURE_MAXIMUM_PRIORITY,
    .clock_driver = _EXEC_CLOCK_DRIVER,
    .minimum_stack_size = CONFIGURE_MINIMUM_TASK_STACK_SIZE,
    .idle_body = _EXEC_IDLE_BODY,
    .idle_stack = _Exec_idle_stack,
    .idle_stack_size = sizeof(_Exec_idle_stack),
    .workspace = _Exec_workspace,
    .workspace_size = sizeof(_Exec_workspace),
    .api =
        {
            .maximum_tasks = CONFIGURE_MAXIMUM_TASKS,
            .maximum_timers = CONFIGURE_MAXIMUM_TIMERS,
            .maximum_semaphores = CONFIGURE_MAXIMUM_SEMAPHORES,
            .maximum_message_queues = CONFIGURE_MAXIMUM_MESSAGE_QUEUES,
            .maximum_partitions = CONFIGURE_MAXIMUM_PARTITIONS,
            .maximum_regions = CONFIGURE_MAXIMUM_REGIONS,
            .maximum_ports = CONFIGURE_MAXIMUM_PORTS,
            .maximum_periods = CONFIGURE_MAXIMUM_PERIODS,
            .maximum_barriers = CONFIGURE_MAXIMUM_BARRIERS,
            .number_of_initialization_tasks = _EXEC_INIT_TASK_COUNT,
            .User_initialization_tasks_table = _EXEC_INIT_TASKS,
        },
    .tasks = CONFIGURE_MAXIMUM_TASKS > 0 ? _Exec_tasks : NULL,
    .semaphores = CONFIGURE_MAXIMUM_SEMAPHORES > 0 ? _Exec_semaphores : NULL,
    .message_queues = CONFIGURE_MAXIMUM_MESSAGE_QUEUES > 0 ? _Exec_message_queues : NULL,
    .timers = CONFIGURE_MAXIMUM_TIMERS > 0 ? _Exec_timers : NULL,
    .buffer_pools = CONFIGURE_MAXIMUM_PARTITIONS > 0 ? _Exec_buffer_pools : NULL,
    .regions = CONFIGURE_MAXIMUM_REGIONS > 0 ? _Exec_regions : NULL,
    .dpmems = CONFIGURE_MAXIMUM_PORTS > 0 ? _Exec_dpmems : NULL,
    .periods = CONFIGURE_MAXIMUM_PERIODS > 0 ? _Exec_periods : NULL,
    .barriers = CONFIGURE_MAXIMUM_BARRIERS > 0 ? _Exec_barriers : NULL,
    .extensions = CONFIGURE_MAXIMUM_USER_EXTENSIONS > 0 ? _Exec_extensions : NULL,
    .maximum_extensions = CONFIGURE_MAXIMUM_USER_EXTENSIONS,
    .initial_extensions = _EXEC_INITIAL_EXTENSIONS,
    .initial_extension_count = _EXEC_INITIAL_EXTENSION_COUNT,
    .drivers = _EXEC_DRIVERS,
    .number_of_drivers = (uint32_t)_EXEC_DRIVERS_LENGTH,
    .posix_initialize = _EXEC_POSIX_INITIALIZE,
};

#endif /* CONFIGURE_INIT */

#endif
