/* SPDX-License-Identifier: BSD-2-Clause */
/* Test banners, the test's exit and its fatal extension (<rtems/test-info.h>). */
#include <rtems/test-info.h>
#include <stdio.h>

/* Identifies the executive in place of RTEMS's version string. */
#define TESSERA_TEST_VERSION "Tessera guest executive (RTEMS Classic API)"

static const char *state_name(RTEMS_TEST_STATE state)
{
    switch (state) {
    case RTEMS_TEST_STATE_PASS:
        return "EXPECTED_PASS";
    case RTEMS_TEST_STATE_FAIL:
        return "EXPECTED_FAIL";
    case RTEMS_TEST_STATE_USER_INPUT:
        return "USER_INPUT";
    case RTEMS_TEST_STATE_INDETERMINATE:
        return "INDETERMINATE";
    case RTEMS_TEST_STATE_BENCHMARK:
        return "BENCHMARK";
    }
    return "?";
}

int rtems_test_begin(const char *name, RTEMS_TEST_STATE state)
{
    /* The same lines as RTEMS prints, so tools that parse them keep working. */
    return rtems_printf(&rtems_test_printer,
                        "\n\n*** BEGIN OF TEST %s ***\n"
                        "*** TEST VERSION: %s\n"
                        "*** TEST STATE: %s\n"
                        "*** TEST BUILD:\n"
                        "*** TEST TOOLS: " __VERSION__ "\n",
                        name, TESSERA_TEST_VERSION, state_name(state));
}

int rtems_test_end(const char *name)
{
    return rtems_printf(&rtems_test_printer, "\n*** END OF TEST %s ***\n\n", name);
}

void rtems_test_exit(int status)
{
    /* Shutting down does not flush stdio: without this the tail is lost. */
    fflush(stdout);
    fflush(stderr);
    rtems_shutdown_executive(status >= 0 && status <= 126 ? (uint32_t)status : 1U);
}

void rtems_test_fatal_extension(rtems_fatal_source source, bool always_set_to_false,
                                rtems_fatal_code code)
{
    /* Nothing to report: RTEMS uses this hook only for profiling reports. */
    (void)source;
    (void)always_set_to_false;
    (void)code;
}
