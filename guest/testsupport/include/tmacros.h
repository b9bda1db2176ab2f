/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The checking and printing helpers that RTEMS's sample and sp test programs
 * use (names, arguments and output format as those programs expect them).
 * Tessera's own implementation: the work is done by functions in
 * guest/testsupport/tmacros.c, the macros only add what needs the caller
 * (message, file, line, the expression's text).
 *
 * Known differences: the *_with_level variants do not check a thread
 * dispatch disable level (the executive keeps none visible to tasks), and
 * failures exit with a non-zero status (see rtems_test_exit).
 */
#ifndef TESSERA_TMACROS_H
#define TESSERA_TMACROS_H

#include <ctype.h>
#include <inttypes.h>
#include <limits.h> /* PATH_MAX, which RTEMS's programs reach through it */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h> /* RTEMS's tmacros.h makes it visible (fsync, sleep) */

#include <bsp.h>
#include <rtems/error.h>
#include <rtems/inttypes.h>
#include <rtems/test-info.h>
#include <rtems/test-printer.h>

#define FOREVER 1

/* Globals of a test are defined by the file that defines CONFIGURE_INIT. */
#ifdef CONFIGURE_INIT
#define TEST_EXTERN
#else
#define TEST_EXTERN extern
#endif

/* ---- Status checks: on a mismatch print and rtems_test_exit(status) ---- */

void tessera_test_check_status(rtems_status_code status, rtems_status_code desired,
                               const char *msg);
void tessera_test_check_int(int status, int desired, const char *msg);

#define fatal_directive_check_status_only(_stat, _desired, _msg)                                   \
    tessera_test_check_status((_stat), (_desired), (_msg))
#define fatal_directive_status_with_level(_stat, _desired, _msg, _level)                           \
    ((void)(_level), tessera_test_check_status((_stat), (_desired), (_msg)))
#define fatal_directive_status(_stat, _desired, _msg)                                              \
    tessera_test_check_status((_stat), (_desired), (_msg))
#define directive_failed(_stat, _msg) tessera_test_check_status((_stat), RTEMS_SUCCESSFUL, (_msg))
#define directive_failed_with_level(_stat, _msg, _level)                                           \
    fatal_directive_status_with_level((_stat), RTEMS_SUCCESSFUL, (_msg), (_level))

#define fatal_int_service_status(_stat, _desired, _msg)                                            \
    tessera_test_check_int((_stat), (_desired), (_msg))
#define fatal_int_service_status_with_level(_stat, _desired, _msg, _level)                         \
    ((void)(_level), tessera_test_check_int((_stat), (_desired), (_msg)))
#define int_service_failed(_stat, _msg) tessera_test_check_int((_stat), 0, (_msg))
#define int_service_failed_with_level(_stat, _msg, _level)                                         \
    fatal_int_service_status_with_level((_stat), 0, (_msg), (_level))

/* The POSIX API's: a returned error number, or -1 and errno. */
void tessera_test_check_posix(int status, int desired, const char *msg);
void tessera_test_check_posix_errno(long status, int desired, const char *msg);

#define fatal_posix_service_status(_stat, _desired, _msg)                                          \
    tessera_test_check_posix((_stat), (_desired), (_msg))
#define fatal_posix_service_status_with_level(_stat, _desired, _msg, _level)                       \
    ((void)(_level), tessera_test_check_posix((_stat), (_desired), (_msg)))
#define posix_service_failed(_stat, _msg) tessera_test_check_posix((_stat), 0, (_msg))
#define posix_service_failed_with_level(_stat, _msg, _level)                                       \
    fatal_posix_service_status_with_level((_stat), 0, (_msg), (_level))
/* As RTEMS's: fails when the call did not return -1 and errno is not the
 * desired value. */
#define fatal_posix_service_status_errno(_stat, _desired, _msg)                                    \
    tessera_test_check_posix_errno((_stat), (_desired), (_msg))

/* sem_open and mq_open results that must be failures (SEM_FAILED,
 * (mqd_t)-1); the pointer or id as a number. */
void tessera_test_check_failed_handle(bool failed, unsigned long handle, const char *msg);
#define fatal_posix_sem(_ptr, _msg)                                                                \
    tessera_test_check_failed_handle((_ptr) == SEM_FAILED, (unsigned long)(uintptr_t)(_ptr), (_msg))
#define fatal_posix_mqd(_mqd, _msg)                                                                \
    tessera_test_check_failed_handle((_mqd) == (mqd_t)-1, (unsigned long)(_mqd), (_msg))

/* Older test programs test a status with this. */
#define status_code_bad(_stat) ((_stat) != RTEMS_SUCCESSFUL)

/* Prints "file: line expression" and ends the test if exp is false. */
EXEC_NORETURN void tessera_test_assert_failed(const char *file, int line, const char *expr);
#define rtems_test_assert(_exp)                                                                    \
    do {                                                                                           \
        if (!(_exp))                                                                               \
            tessera_test_assert_failed(__FILE__, __LINE__, #_exp);                                 \
    } while (0)

/* ---- Output helpers ---------------------------------------------------- */

/* The four characters of a name, '*' for unprintable ones, trailing NULs left out. */
void tessera_test_put_name(rtems_name name, int newline);
#define put_name(_name, _crlf) tessera_test_put_name((_name), (_crlf))

/* "<s1>HH:MM:SS   MM/DD/YYYY<s2>" of an rtems_time_of_day. */
void tessera_test_print_time(const char *s1, const rtems_time_of_day *tb, const char *s2);
void tessera_test_sprint_time(char *str, const char *s1, const rtems_time_of_day *tb,
                              const char *s2);
#define print_time(_s1, _tb, _s2)        tessera_test_print_time((_s1), (_tb), (_s2))
#define sprint_time(_str, _s1, _tb, _s2) tessera_test_sprint_time((_str), (_s1), (_tb), (_s2))

#define put_dot(_c) ((void)putchar(_c))
#define new_line    ((void)puts(""))
#define puts_nocr   printf

/* Interactive tests stop here on a terminal; under a runner they just mark it. */
#define rtems_test_pause()                                                                         \
    do {                                                                                           \
        printf("<pause>\n");                                                                       \
        fflush(stdout);                                                                            \
    } while (0)
#define rtems_test_pause_and_screen(_screen)                                                       \
    do {                                                                                           \
        printf("<pause - screen %d>\n", (int)(_screen));                                           \
        fflush(stdout);                                                                            \
    } while (0)

#ifndef build_time
#define build_time(_tb, _mon, _day, _yr, _hr, _min, _sec, _tk)                                     \
    do {                                                                                           \
        (_tb)->year = (_yr);                                                                       \
        (_tb)->month = (_mon);                                                                     \
        (_tb)->day = (_day);                                                                       \
        (_tb)->hour = (_hr);                                                                       \
        (_tb)->minute = (_min);                                                                    \
        (_tb)->second = (_sec);                                                                    \
        (_tb)->ticks = (_tk);                                                                      \
    } while (0)
#endif

/*
 * Tasks after the initialization tasks count from 1 (TA1 = 1). Some programs
 * define task_number themselves with these very tokens; a macro may only be
 * redefined identically (spacing included), hence no reformatting.
 */
// clang-format off
#define task_number( tid ) ( rtems_object_id_get_index( tid ) - rtems_configuration_get_rtems_api_configuration() ->number_of_initialization_tasks )
// clang-format on

#endif
