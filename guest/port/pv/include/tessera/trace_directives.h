/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The directive ids of the DIRECTIVE_ENTRY / DIRECTIVE_EXIT trace events
 * (docs/trace-format.md, docs/tracing.md): X(id, directive) for every
 * Classic directive that the traced executive library records, i.e. every
 * one that returns an rtems_status_code, and the four that never return
 * (an entry only). An id is never reused or renumbered, because traces
 * written with it outlive the build: a new directive takes the next free
 * id at the end. guest/port/pv/gen_traced_directives.py refuses to build
 * the traced library while a directive of <rtems.h> is missing here;
 * tools/trace reads this list to name the ids.
 */
#ifndef TESSERA_TRACE_DIRECTIVES_H
#define TESSERA_TRACE_DIRECTIVES_H

#define TESSERA_TRACE_DIRECTIVE_LIST(X)                                                            \
    X(1, rtems_task_create)                                                                        \
    X(2, rtems_task_construct)                                                                     \
    X(3, rtems_task_ident)                                                                         \
    X(4, rtems_task_start)                                                                         \
    X(5, rtems_task_restart)                                                                       \
    X(6, rtems_task_delete)                                                                        \
    X(7, rtems_task_exit)                                                                          \
    X(8, rtems_task_suspend)                                                                       \
    X(9, rtems_task_resume)                                                                        \
    X(10, rtems_task_is_suspended)                                                                 \
    X(11, rtems_task_set_priority)                                                                 \
    X(12, rtems_task_get_priority)                                                                 \
    X(13, rtems_task_mode)                                                                         \
    X(14, rtems_task_wake_after)                                                                   \
    X(15, rtems_task_wake_when)                                                                    \
    X(16, rtems_task_get_scheduler)                                                                \
    X(17, rtems_scheduler_ident)                                                                   \
    X(18, rtems_interrupt_catch)                                                                   \
    X(19, rtems_clock_set)                                                                         \
    X(20, rtems_clock_get_tod)                                                                     \
    X(21, rtems_clock_get_tod_timeval)                                                             \
    X(22, rtems_clock_get_seconds_since_epoch)                                                     \
    X(23, rtems_clock_get_uptime)                                                                  \
    X(24, rtems_clock_tick)                                                                        \
    X(25, rtems_timer_create)                                                                      \
    X(26, rtems_timer_ident)                                                                       \
    X(27, rtems_timer_cancel)                                                                      \
    X(28, rtems_timer_delete)                                                                      \
    X(29, rtems_timer_fire_after)                                                                  \
    X(30, rtems_timer_fire_when)                                                                   \
    X(31, rtems_timer_initiate_server)                                                             \
    X(32, rtems_timer_server_fire_after)                                                           \
    X(33, rtems_timer_server_fire_when)                                                            \
    X(34, rtems_timer_reset)                                                                       \
    X(35, rtems_timer_get_information)                                                             \
    X(36, rtems_semaphore_create)                                                                  \
    X(37, rtems_semaphore_ident)                                                                   \
    X(38, rtems_semaphore_delete)                                                                  \
    X(39, rtems_semaphore_obtain)                                                                  \
    X(40, rtems_semaphore_release)                                                                 \
    X(41, rtems_semaphore_flush)                                                                   \
    X(42, rtems_semaphore_set_priority)                                                            \
    X(43, rtems_message_queue_create)                                                              \
    X(44, rtems_message_queue_construct)                                                           \
    X(45, rtems_message_queue_ident)                                                               \
    X(46, rtems_message_queue_delete)                                                              \
    X(47, rtems_message_queue_send)                                                                \
    X(48, rtems_message_queue_urgent)                                                              \
    X(49, rtems_message_queue_broadcast)                                                           \
    X(50, rtems_message_queue_receive)                                                             \
    X(51, rtems_message_queue_get_number_pending)                                                  \
    X(52, rtems_message_queue_flush)                                                               \
    X(53, rtems_event_send)                                                                        \
    X(54, rtems_event_receive)                                                                     \
    X(55, rtems_event_system_send)                                                                 \
    X(56, rtems_event_system_receive)                                                              \
    X(57, rtems_signal_catch)                                                                      \
    X(58, rtems_signal_send)                                                                       \
    X(59, rtems_partition_create)                                                                  \
    X(60, rtems_partition_ident)                                                                   \
    X(61, rtems_partition_delete)                                                                  \
    X(62, rtems_partition_get_buffer)                                                              \
    X(63, rtems_partition_return_buffer)                                                           \
    X(64, rtems_region_create)                                                                     \
    X(65, rtems_region_ident)                                                                      \
    X(66, rtems_region_delete)                                                                     \
    X(67, rtems_region_extend)                                                                     \
    X(68, rtems_region_get_segment)                                                                \
    X(69, rtems_region_return_segment)                                                             \
    X(70, rtems_region_resize_segment)                                                             \
    X(71, rtems_region_get_information)                                                            \
    X(72, rtems_region_get_free_information)                                                       \
    X(73, rtems_region_get_segment_size)                                                           \
    X(74, rtems_port_create)                                                                       \
    X(75, rtems_port_ident)                                                                        \
    X(76, rtems_port_delete)                                                                       \
    X(77, rtems_port_external_to_internal)                                                         \
    X(78, rtems_port_internal_to_external)                                                         \
    X(79, rtems_io_register_driver)                                                                \
    X(80, rtems_io_unregister_driver)                                                              \
    X(81, rtems_io_initialize)                                                                     \
    X(82, rtems_io_open)                                                                           \
    X(83, rtems_io_close)                                                                          \
    X(84, rtems_io_read)                                                                           \
    X(85, rtems_io_write)                                                                          \
    X(86, rtems_io_control)                                                                        \
    X(87, rtems_fatal)                                                                             \
    X(88, rtems_fatal_error_occurred)                                                              \
    X(89, rtems_shutdown_executive)                                                                \
    X(90, rtems_rate_monotonic_create)                                                             \
    X(91, rtems_rate_monotonic_ident)                                                              \
    X(92, rtems_rate_monotonic_cancel)                                                             \
    X(93, rtems_rate_monotonic_delete)                                                             \
    X(94, rtems_rate_monotonic_period)                                                             \
    X(95, rtems_rate_monotonic_get_status)                                                         \
    X(96, rtems_rate_monotonic_get_statistics)                                                     \
    X(97, rtems_rate_monotonic_reset_statistics)                                                   \
    X(98, rtems_barrier_create)                                                                    \
    X(99, rtems_barrier_ident)                                                                     \
    X(100, rtems_barrier_delete)                                                                   \
    X(101, rtems_barrier_wait)                                                                     \
    X(102, rtems_barrier_release)                                                                  \
    X(103, rtems_barrier_get_number_waiting)                                                       \
    X(104, rtems_extension_create)                                                                 \
    X(105, rtems_extension_ident)                                                                  \
    X(106, rtems_extension_delete)                                                                 \
    X(107, rtems_object_get_classic_name)                                                          \
    X(108, rtems_object_set_name)                                                                  \
    X(109, rtems_object_get_class_information)

#endif
