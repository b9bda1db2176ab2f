/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The RTEMS declarations beyond the Classic API that RTEMS's sp and tm test
 * programs use (docs/compatibility.md), each checked for what it must do:
 *
 * 1. Thread_Control (<rtems/score/thread.h>): is_fp as the task was created,
 *    _Thread_Get_executing() and _Thread_Get_priority().
 * 2. _Watchdog_Ticks_since_boot (<rtems/score/watchdogimpl.h>): an lvalue that
 *    rtems_clock_get_ticks_since_boot() and the tick helpers read.
 * 3. CORE_message_queue_Buffer: its size is the per-message overhead of a
 *    queue's storage, so RTEMS's overflow bounds give RTEMS's statuses.
 * 4. RTEMS_PARTITION_ALIGNMENT: the unit of buffer sizes and area starts.
 * 5. The stack allocate hook and the workspace size, which counts a stack
 *    for each of CONFIGURE_MAXIMUM_TASKS even when that is an unparenthesized
 *    sum (sp42 writes MAX_TASKS + 1).
 * 6. CPU constants: hardware FP, simple vectored interrupts up to
 *    CPU_INTERRUPT_MAXIMUM_VECTOR_NUMBER.
 * 7. PRIxrtems_signal_set.
 */
#include <rtems.h>
#include <rtems/rtems/tasksimpl.h>
#include <rtems/score/threadimpl.h>
#include <rtems/score/watchdogimpl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static int created_fp = -1;
static int created_int = -1;

static bool record_fp(rtems_tcb *executing, Thread_Control *created)
{
    (void)executing;
    if (created->Object.name.name_u32 == NAME('F', 'P', 'T', ' ')) {
        created_fp = created->is_fp;
    } else if (created->Object.name.name_u32 == NAME('I', 'N', 'T', ' ')) {
        created_int = created->is_fp;
    }
    return true;
}

static void thread_control(void)
{
    rtems_id id;
    rtems_task_priority old;
    Thread_Control *executing = _Thread_Get_executing();

    (void)rtems_task_create(NAME('F', 'P', 'T', ' '), 10, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_FLOATING_POINT, &id);
    (void)rtems_task_delete(id);
    (void)rtems_task_create(NAME('I', 'N', 'T', ' '), 10, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    (void)rtems_task_delete(id);
    printf("is_fp: floating-point task %d, integer task %d\n", created_fp, created_int);
    printf("executing is self: %s\n", executing->Object.id == rtems_task_self() ? "yes" : "no");
    (void)rtems_task_set_priority(RTEMS_SELF, 7, &old);
    printf("_Thread_Get_priority: %" PRIu64 "\n", (uint64_t)_Thread_Get_priority(executing));
    (void)rtems_task_set_priority(RTEMS_SELF, old, &old);
}

static void ticks_since_boot(void)
{
    rtems_interrupt_level level;
    Watchdog_Interval saved;
    int ok = 1;

    rtems_interrupt_local_disable(level);
    saved = _Watchdog_Ticks_since_boot;
    _Watchdog_Ticks_since_boot = 0xdeadbeef;
    ok &= rtems_clock_get_ticks_since_boot() == 0xdeadbeef;
    ok &= rtems_clock_tick_later(0x8160311e) == 0x600df00d;
    _Watchdog_Ticks_since_boot = 0xffffffff;
    ok &= rtems_clock_tick_before(0) && !rtems_clock_tick_before(0xfffffffe);
    _Watchdog_Ticks_since_boot = saved;
    ok &= rtems_clock_get_ticks_since_boot() == saved;
    rtems_interrupt_local_enable(level);
    printf("_Watchdog_Ticks_since_boot set and read back: %s\n", ok ? "yes" : "no");
    (void)rtems_task_wake_after(2);
    printf("ticks advance after the restore: %s\n",
           rtems_clock_get_ticks_since_boot() - saved >= 2 ? "yes" : "no");
}

static void message_buffer(void)
{
    const size_t limit = SIZE_MAX - sizeof(uintptr_t) + 1 - sizeof(CORE_message_queue_Buffer);
    rtems_id id;

    printf("too many buffers: %s\n",
           rtems_status_text(rtems_message_queue_create(
               NAME('M', 'Q', '1', ' '),
               UINT32_MAX / (sizeof(uintptr_t) + sizeof(CORE_message_queue_Buffer)), 1,
               RTEMS_DEFAULT_ATTRIBUTES, &id)));
    printf("largest size, too many: %s\n",
           rtems_status_text(rtems_message_queue_create(NAME('M', 'Q', '1', ' '), UINT32_MAX, limit,
                                                        RTEMS_DEFAULT_ATTRIBUTES, &id)));
    printf("size above the largest: %s\n",
           rtems_status_text(rtems_message_queue_create(NAME('M', 'Q', '1', ' '), 2, limit + 1,
                                                        RTEMS_DEFAULT_ATTRIBUTES, &id)));
    printf("size SIZE_MAX - 2: %s\n",
           rtems_status_text(rtems_message_queue_create(NAME('M', 'Q', '1', ' '), 2, SIZE_MAX - 2,
                                                        RTEMS_DEFAULT_ATTRIBUTES, &id)));
}

static void partition_alignment(void)
{
    static uintptr_t area[64];
    rtems_id id;

    printf("partition alignment is the pointer size: %s\n",
           RTEMS_PARTITION_ALIGNMENT == sizeof(void *) ? "yes" : "no");
    printf("buffer of 4 units less 1: %s\n",
           rtems_status_text(rtems_partition_create(NAME('P', 'T', '1', ' '), area, sizeof(area),
                                                    4 * RTEMS_PARTITION_ALIGNMENT - 1,
                                                    RTEMS_DEFAULT_ATTRIBUTES, &id)));
    printf("area off by half a unit: %s\n",
           rtems_status_text(rtems_partition_create(
               NAME('P', 'T', '1', ' '), (char *)area + RTEMS_PARTITION_ALIGNMENT / 2,
               sizeof(area) / 2, 4 * RTEMS_PARTITION_ALIGNMENT, RTEMS_DEFAULT_ATTRIBUTES, &id)));
    if (rtems_partition_create(NAME('P', 'T', '1', ' '), area, sizeof(area),
                               4 * RTEMS_PARTITION_ALIGNMENT, RTEMS_DEFAULT_ATTRIBUTES,
                               &id) == RTEMS_SUCCESSFUL) {
        printf("buffer of 4 units: created\n");
        (void)rtems_partition_delete(id);
    }
}

static void configuration(void)
{
    rtems_stack_allocate_hook allocate = rtems_configuration_get_stack_allocate_hook();
    rtems_id id;
    rtems_id second;

    /* CONFIGURE_MAXIMUM_TASKS is "2 + 1", unparenthesized as in sp42. */
    printf("two more tasks at once: %s", rtems_status_text(rtems_task_create(
                                             NAME('T', 'W', '1', ' '), 10, RTEMS_MINIMUM_STACK_SIZE,
                                             RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id)));
    printf(" %s\n", rtems_status_text(
                        rtems_task_create(NAME('T', 'W', '2', ' '), 10, RTEMS_MINIMUM_STACK_SIZE,
                                          RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &second)));
    (void)rtems_task_delete(id);
    (void)rtems_task_delete(second);

    printf("stack allocate hook allocates: %s\n",
           allocate != NULL && allocate(64) != NULL ? "yes" : "no");
    printf("task with the whole workspace as stack: %s\n",
           rtems_status_text(rtems_task_create(
               NAME('B', 'I', 'G', ' '), 10, rtems_configuration_get_work_space_size(),
               RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id)));
}

static rtems_isr ignore_isr(rtems_vector_number vector)
{
    (void)vector;
}

static void cpu_constants(void)
{
    rtems_isr_entry old;

#if (RTEMS_HAS_HARDWARE_FP == 1) && (CPU_HARDWARE_FP == TRUE) && (CPU_SOFTWARE_FP == FALSE)
    printf("hardware FP\n");
#endif
#if (CPU_SIMPLE_VECTORED_INTERRUPTS == TRUE)
    printf("catch the maximum vector: %s\n",
           rtems_status_text(
               rtems_interrupt_catch(ignore_isr, CPU_INTERRUPT_MAXIMUM_VECTOR_NUMBER, &old)));
    printf("catch one above it: %s\n",
           rtems_status_text(
               rtems_interrupt_catch(ignore_isr, CPU_INTERRUPT_MAXIMUM_VECTOR_NUMBER + 1, &old)));
#endif
    printf("signal set 0xa5: %08" PRIxrtems_signal_set "\n", (rtems_signal_set)0xa5);
}

rtems_task Init(rtems_task_argument ignored)
{
    (void)ignored;
    printf("*** BEGIN OF COMPAT03 ***\n");
    thread_control();
    ticks_since_boot();
    message_buffer();
    partition_alignment();
    configuration();
    cpu_constants();
    printf("*** END OF COMPAT03 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK  10000
#define CONFIGURE_MAXIMUM_TASKS          2 + 1
#define CONFIGURE_MAXIMUM_MESSAGE_QUEUES 1
#define CONFIGURE_MAXIMUM_PARTITIONS     1
#define CONFIGURE_INITIAL_EXTENSIONS                                                               \
    {                                                                                              \
        .thread_create = record_fp                                                                 \
    }
#define CONFIGURE_INIT_TASK_PRIORITY 1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
