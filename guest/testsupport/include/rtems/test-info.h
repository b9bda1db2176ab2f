/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test information: the begin/end banners, the test's exit and the fatal
 * extension every test installs (CONFIGURE_INITIAL_EXTENSIONS
 * RTEMS_TEST_INITIAL_EXTENSION). Each test program defines
 *     const char rtems_test_name[] = "...";
 * Part of Tessera's test support (guest/testsupport), not of the executive.
 */
#ifndef TESSERA_RTEMS_TEST_INFO_H
#define TESSERA_RTEMS_TEST_INFO_H

#include <rtems.h>
#include <rtems/test-printer.h>

extern const char rtems_test_name[];

/* What the test expects of itself; printed in the begin banner. */
typedef enum {
    RTEMS_TEST_STATE_PASS,
    RTEMS_TEST_STATE_FAIL,
    RTEMS_TEST_STATE_USER_INPUT,
    RTEMS_TEST_STATE_INDETERMINATE,
    RTEMS_TEST_STATE_BENCHMARK
} RTEMS_TEST_STATE;

/* A test selects its state by defining one TEST_STATE_* macro to 1. */
#if (defined(TEST_STATE_EXPECTED_FAIL) && TEST_STATE_EXPECTED_FAIL) +                              \
        (defined(TEST_STATE_USER_INPUT) && TEST_STATE_USER_INPUT) +                                \
        (defined(TEST_STATE_INDETERMINATE) && TEST_STATE_INDETERMINATE) +                          \
        (defined(TEST_STATE_BENCHMARK) && TEST_STATE_BENCHMARK) >                                  \
    1
#error "at most one TEST_STATE_* may be set"
#endif
#if defined(TEST_STATE_EXPECTED_FAIL) && TEST_STATE_EXPECTED_FAIL
#define TEST_STATE RTEMS_TEST_STATE_FAIL
#elif defined(TEST_STATE_USER_INPUT) && TEST_STATE_USER_INPUT
#define TEST_STATE RTEMS_TEST_STATE_USER_INPUT
#elif defined(TEST_STATE_INDETERMINATE) && TEST_STATE_INDETERMINATE
#define TEST_STATE RTEMS_TEST_STATE_INDETERMINATE
#elif defined(TEST_STATE_BENCHMARK) && TEST_STATE_BENCHMARK
#define TEST_STATE RTEMS_TEST_STATE_BENCHMARK
#else
#define TEST_STATE RTEMS_TEST_STATE_PASS
#endif

/* Banners, through rtems_test_printer; return the characters printed. */
int rtems_test_begin(const char *name, RTEMS_TEST_STATE state);
int rtems_test_end(const char *name);

#define TEST_BEGIN() rtems_test_begin(rtems_test_name, TEST_STATE)
#define TEST_END()   rtems_test_end(rtems_test_name)

/*
 * Ends the program: flushes stdout, then rtems_shutdown_executive(status).
 * RTEMS always shuts down with 0; passing the status on lets a runner see a
 * failed check (negative or > 126: 1, the ports' exit codes are 0..126).
 */
EXEC_NORETURN void rtems_test_exit(int status);

void rtems_test_fatal_extension(rtems_fatal_source source, bool always_set_to_false,
                                rtems_fatal_code code);

#define RTEMS_TEST_INITIAL_EXTENSION                                                               \
    {                                                                                              \
        .fatal = rtems_test_fatal_extension                                                        \
    }

#endif
