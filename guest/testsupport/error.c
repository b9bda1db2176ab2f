/* SPDX-License-Identifier: BSD-2-Clause */
/* rtems_error and rtems_panic (<rtems/error.h>). */
#include <errno.h>
#include <rtems/error.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int report(rtems_error_code_t error_code, const char *format, va_list ap)
{
    /* errno first: printing may change it. */
    int saved_errno = errno;
    rtems_status_code status = (rtems_status_code)(error_code & ~RTEMS_ERROR_MASK);

    fflush(stdout);
    int n = vfprintf(stderr, format, ap);
    if ((error_code & RTEMS_ERROR_ERRNO) != 0 && saved_errno != 0) {
        n += fprintf(stderr, " (errno: %s)", strerror(saved_errno));
    }
    if (status != RTEMS_SUCCESSFUL) {
        n += fprintf(stderr, " (status: %s)", rtems_status_text(status));
    }
    n += fprintf(stderr, "\n");
    fflush(stderr);
    return n;
}

int rtems_error(rtems_error_code_t error_code, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = report(error_code, format, ap);
    va_end(ap);
    if ((error_code & (RTEMS_ERROR_PANIC | RTEMS_ERROR_ABORT)) != 0) {
        rtems_fatal(RTEMS_FATAL_SOURCE_PANIC, (rtems_fatal_code)(uintptr_t)format);
    }
    return n;
}

void rtems_panic(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    report(0, format, ap);
    va_end(ap);
    rtems_fatal(RTEMS_FATAL_SOURCE_PANIC, (rtems_fatal_code)(uintptr_t)format);
}
