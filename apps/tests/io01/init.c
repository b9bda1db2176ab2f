/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * I/O manager: a driver configured with CONFIGURE_APPLICATION_EXTRA_DRIVERS
 * (initialized before the initialization task runs), every directive's call
 * of its entry with major, minor and argument, the driver's status passed
 * back, NULL entries, registration (major 0 = first free entry, a given
 * major, immediate initialization), unregistration, and every error status:
 * RTEMS_INVALID_ADDRESS, RTEMS_INVALID_NUMBER, RTEMS_RESOURCE_IN_USE,
 * RTEMS_TOO_MANY, RTEMS_UNSATISFIED and RTEMS_CALLED_FROM_ISR.
 */
#include <rtems.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

/* Minor number for which the driver entries fail. */
#define FAILING_MINOR 99u

static int argument_value = 42;

/* Calls made before Init runs are kept and shown by Init. */
static char boot_log[128];
static bool init_running;

static const char *arg_text(const void *arg)
{
    if (arg == NULL) {
        return "NULL";
    }
    return arg == &argument_value ? "&value" : "other";
}

static rtems_device_driver report(const char *driver, const char *entry,
                                  rtems_device_major_number major, rtems_device_minor_number minor,
                                  void *arg)
{
    if (!init_running) {
        (void)snprintf(boot_log, sizeof(boot_log), "  %s %s(%lu, %lu, %s) during boot\n", driver,
                       entry, (unsigned long)major, (unsigned long)minor, arg_text(arg));
    } else {
        printf("  %s %s(%lu, %lu, %s)\n", driver, entry, (unsigned long)major, (unsigned long)minor,
               arg_text(arg));
    }
    return minor == FAILING_MINOR ? RTEMS_IO_ERROR : RTEMS_SUCCESSFUL;
}

#define ENTRY(_driver, _entry)                                                                     \
    static rtems_device_driver _driver##_##_entry(rtems_device_major_number major,                 \
                                                  rtems_device_minor_number minor, void *arg)      \
    {                                                                                              \
        return report(#_driver, #_entry, major, minor, arg);                                       \
    }

ENTRY(a, initialize)
ENTRY(a, open)
ENTRY(a, close)
ENTRY(a, read)
ENTRY(a, write)
ENTRY(a, control)
ENTRY(b, initialize)
ENTRY(c, open)

static rtems_device_driver failing_initialize(rtems_device_major_number major,
                                              rtems_device_minor_number minor, void *arg)
{
    (void)report("f", "initialize", major, minor, arg);
    return RTEMS_IO_ERROR;
}

#define DRIVER_A                                                                                   \
    {                                                                                              \
        a_initialize, a_open, a_close, a_read, a_write, a_control                                  \
    }

static const rtems_driver_address_table driver_b = {b_initialize, NULL, NULL, NULL, NULL, NULL};
/* Only an open entry: a driver all the same (not a free table entry). */
static const rtems_driver_address_table driver_c = {NULL, c_open, NULL, NULL, NULL, NULL};
static const rtems_driver_address_table driver_f = {
    failing_initialize, NULL, NULL, NULL, NULL, NULL};
static const rtems_driver_address_table empty = {NULL, NULL, NULL, NULL, NULL, NULL};
static const rtems_driver_address_table no_init_no_open = {NULL,   NULL,    a_close,
                                                           a_read, a_write, a_control};

static void show(const char *what, rtems_status_code sc)
{
    printf("%s: %s\n", what, rtems_status_text(sc));
}

static void show_register(const char *what, rtems_device_major_number major,
                          const rtems_driver_address_table *table)
{
    rtems_device_major_number got = 12345;
    rtems_status_code sc = rtems_io_register_driver(major, table, &got);

    printf("%s: %s, registered major %lu\n", what, rtems_status_text(sc), (unsigned long)got);
}

static void all_directives(rtems_device_major_number major, rtems_device_minor_number minor,
                           void *arg)
{
    show("initialize", rtems_io_initialize(major, minor, arg));
    show("open", rtems_io_open(major, minor, arg));
    show("close", rtems_io_close(major, minor, arg));
    show("read", rtems_io_read(major, minor, arg));
    show("write", rtems_io_write(major, minor, arg));
    show("control", rtems_io_control(major, minor, arg));
}

static volatile rtems_status_code isr_register;
static volatile rtems_status_code isr_unregister;
static volatile rtems_status_code isr_read;
static volatile int isr_done;

static rtems_timer_service_routine in_isr(rtems_id timer, void *arg)
{
    rtems_device_major_number got;

    (void)timer;
    (void)arg;
    isr_register = rtems_io_register_driver(0, &driver_b, &got);
    isr_unregister = rtems_io_unregister_driver(1);
    isr_read = rtems_io_read(2, 0, NULL);
    isr_done = 1;
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id timer;

    (void)arg;
    init_running = true;
    printf("*** BEGIN OF IO01 ***\n");
    printf("drivers in the table: %lu\n",
           (unsigned long)rtems_configuration_get_number_of_device_drivers());
    printf("configured driver initialized before Init:\n%s", boot_log);

    printf("-- driver a, major 0, minor 7, an argument\n");
    all_directives(0, 7, &argument_value);
    printf("-- the driver's status is passed back (minor %u)\n", FAILING_MINOR);
    all_directives(0, FAILING_MINOR, NULL);
    printf("-- major 4: beyond the table\n");
    all_directives(4, 0, NULL);

    printf("-- registration errors\n");
    show("no registered_major", rtems_io_register_driver(0, &driver_b, NULL));
    show_register("no driver table", 0, NULL);
    show_register("empty driver table", 0, &empty);
    show_register("neither initialization nor open entry", 0, &no_init_no_open);
    show_register("major 4", 4, &driver_b);
    printf("-- major 0 = first free entry, initialized at once\n");
    show_register("register b", 0, &driver_b);
    show_register("major 1 again", 1, &driver_c);
    show_register("register c at major 3", 3, &driver_c);
    show_register("register f (initialization fails)", 0, &driver_f);
    show_register("table full", 0, &driver_c);
    show_register("major 2 is in use", 2, &driver_c);
    printf("-- NULL entries succeed\n");
    all_directives(3, 1, NULL);

    printf("-- unregistering\n");
    show("unregister major 4", rtems_io_unregister_driver(4));
    show("unregister major 2", rtems_io_unregister_driver(2));
    show("unregister major 2 again", rtems_io_unregister_driver(2));
    show("open of a free entry", rtems_io_open(2, 0, NULL));
    show_register("register c (first free)", 0, &driver_c);
    show("open major 2", rtems_io_open(2, 5, &argument_value));
    show("unregister a (major 0)", rtems_io_unregister_driver(0));
    show_register("register b (first free)", 0, &driver_b);
    show("open major 0", rtems_io_open(0, 0, NULL));

    printf("-- from interrupt context (a timer routine)\n");
    (void)rtems_timer_create(NAME('T', 'I', 'M', 'R'), &timer);
    (void)rtems_timer_fire_after(timer, 1, in_isr, NULL);
    while (!isr_done) {
        (void)rtems_task_wake_after(1);
    }
    show("register", isr_register);
    show("unregister", isr_unregister);
    show("read (allowed)", isr_read);
    printf("*** END OF IO01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_EXTRA_DRIVERS DRIVER_A
#define CONFIGURE_MAXIMUM_DRIVERS           4
#define CONFIGURE_MAXIMUM_TASKS             1
#define CONFIGURE_MAXIMUM_TIMERS            1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
