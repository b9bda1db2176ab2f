/* SPDX-License-Identifier: BSD-2-Clause */
/* The functions behind tmacros.h (checks and output helpers of the tests). */
#include <tmacros.h>

#include <errno.h>

void tessera_test_check_status(rtems_status_code status, rtems_status_code desired, const char *msg)
{
    if (status == desired) {
        return;
    }
    printf("\n%s FAILED -- expected (%s) got (%s)\n", msg, rtems_status_text(desired),
           rtems_status_text(status));
    rtems_test_exit((int)status);
}

void tessera_test_check_int(int status, int desired, const char *msg)
{
    if (status == desired) {
        return;
    }
    printf("\n%s FAILED -- expected (%d) got (%d)\n", msg, desired, status);
    rtems_test_exit(status);
}

void tessera_test_check_posix(int status, int desired, const char *msg)
{
    if (status == desired) {
        return;
    }
    printf("\n%s FAILED -- expected (%d - %s) got (%d - %s)\n", msg, desired, strerror(desired),
           status, strerror(status));
    printf("\n FAILED -- errno (%d - %s)\n", errno, strerror(errno));
    rtems_test_exit(status);
}

void tessera_test_check_posix_errno(long status, int desired, const char *msg)
{
    int error = errno;

    if (status == -1 || error == desired) {
        return;
    }
    printf("\n%s FAILED -- expected (%d - %s) got (%ld %d - %s)\n", msg, desired, strerror(desired),
           status, error, strerror(error));
    rtems_test_exit((int)status);
}

void tessera_test_check_failed_handle(bool failed, unsigned long handle, const char *msg)
{
    int error = errno;

    if (failed) {
        return;
    }
    printf("\n%s FAILED -- expected (-1) got (%lu - %d/%s)\n", msg, handle, error, strerror(error));
    rtems_test_exit(-1);
}

void tessera_test_assert_failed(const char *file, int line, const char *expr)
{
    printf("%s: %d %s\n", file, line, expr);
    rtems_test_exit(1);
}

static void put_name_char(unsigned c)
{
    putchar(isprint((int)c) ? (int)c : '*');
}

void tessera_test_put_name(rtems_name name, int newline)
{
    /* The first character always shows; the others only when not NUL. */
    put_name_char((name >> 24) & 0xffU);
    for (int shift = 16; shift >= 0; shift -= 8) {
        unsigned c = (name >> shift) & 0xffU;
        if (c != 0) {
            put_name_char(c);
        }
    }
    if (newline) {
        putchar('\n');
    }
}

void tessera_test_print_time(const char *s1, const rtems_time_of_day *tb, const char *s2)
{
    printf("%s%02" PRIu32 ":%02" PRIu32 ":%02" PRIu32 "   %02" PRIu32 "/%02" PRIu32 "/%04" PRIu32
           "%s",
           s1, tb->hour, tb->minute, tb->second, tb->month, tb->day, tb->year, s2);
}

void tessera_test_sprint_time(char *str, const char *s1, const rtems_time_of_day *tb,
                              const char *s2)
{
    /* The callers' buffers are sized for this line, as with RTEMS's macro. */
    sprintf(str,
            "%s%02" PRIu32 ":%02" PRIu32 ":%02" PRIu32 "   %02" PRIu32 "/%02" PRIu32 "/%04" PRIu32
            "%s",
            s1, tb->hour, tb->minute, tb->second, tb->month, tb->day, tb->year, s2);
}
