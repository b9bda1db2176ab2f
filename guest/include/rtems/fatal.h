/* SPDX-License-Identifier: BSD-2-Clause */
/* Fatal error manager. */
#ifndef TESSERA_RTEMS_FATAL_H
#define TESSERA_RTEMS_FATAL_H

#include <rtems/rtems/types.h>

typedef enum {
    INTERNAL_ERROR_CORE = 0,
    INTERNAL_ERROR_RTEMS_API = 1,
    INTERNAL_ERROR_POSIX_API = 2,
    RTEMS_FATAL_SOURCE_BDBUF = 3,
    RTEMS_FATAL_SOURCE_APPLICATION = 4,
    RTEMS_FATAL_SOURCE_EXIT = 5,
    RTEMS_FATAL_SOURCE_BSP = 6,
    RTEMS_FATAL_SOURCE_ASSERT = 7,
    RTEMS_FATAL_SOURCE_STACK_CHECKER = 8,
    RTEMS_FATAL_SOURCE_EXCEPTION = 9,
    RTEMS_FATAL_SOURCE_SMP = 10,
    RTEMS_FATAL_SOURCE_PANIC = 11,
    RTEMS_FATAL_SOURCE_INVALID_HEAP_FREE = 12,
    RTEMS_FATAL_SOURCE_HEAP = 13,
    RTEMS_FATAL_SOURCE_SPURIOUS_INTERRUPT = 14,
    RTEMS_FATAL_SOURCE_LAST = 0x7fffffff
} rtems_fatal_source;

/* Internal error codes used by this executive (values as RTEMS's). */
#define INTERNAL_ERROR_TOO_LITTLE_WORKSPACE            2
#define INTERNAL_ERROR_THREAD_EXITTED                  5
#define INTERNAL_ERROR_RTEMS_INIT_TASK_CREATE_FAILED   32
#define INTERNAL_ERROR_POSIX_INIT_THREAD_CREATE_FAILED 33
#define INTERNAL_ERROR_IDLE_THREAD_CREATE_FAILED       43

#ifdef __cplusplus
#define EXEC_NORETURN [[noreturn]]
#else
#define EXEC_NORETURN _Noreturn
#endif

EXEC_NORETURN void rtems_fatal(rtems_fatal_source fatal_source, rtems_fatal_code error_code);
EXEC_NORETURN void rtems_fatal_error_occurred(uint32_t the_error);
EXEC_NORETURN void rtems_shutdown_executive(uint32_t result);

#endif
