/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Dual-ported memory manager: translation both ways at the edges of the
 * area, addresses outside it returned unchanged, and every error status.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static long internal_area[64];
static long external_area[64];

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static void to_internal(rtems_id port, long offset)
{
    void *result = NULL;
    char *ext = (char *)external_area + offset;

    show("external_to_internal", rtems_port_external_to_internal(port, ext, &result));
    if (result == ext) {
        printf("  external offset %ld: unchanged\n", offset);
    } else {
        printf("  external offset %ld -> internal offset %ld\n", offset,
               (long)((char *)result - (char *)internal_area));
    }
}

static void to_external(rtems_id port, long offset)
{
    void *result = NULL;
    char *in = (char *)internal_area + offset;

    show("internal_to_external", rtems_port_internal_to_external(port, in, &result));
    if (result == in) {
        printf("  internal offset %ld: unchanged\n", offset);
    } else {
        printf("  internal offset %ld -> external offset %ld\n", offset,
               (long)((char *)result - (char *)external_area));
    }
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, port;
    void *result;
    char *unaligned = (char *)internal_area + 1;

    (void)arg;
    printf("*** BEGIN OF DPMEM01 ***\n");
    show("create bad name", rtems_port_create(0, internal_area, external_area, 256, &id));
    show("create NULL id",
         rtems_port_create(NAME('D', 'P', '1', ' '), internal_area, external_area, 256, NULL));
    show("create unaligned internal",
         rtems_port_create(NAME('D', 'P', '1', ' '), unaligned, external_area, 256, &id));
    show("create unaligned external",
         rtems_port_create(NAME('D', 'P', '1', ' '), internal_area, unaligned, 256, &id));
    show("create",
         rtems_port_create(NAME('D', 'P', '1', ' '), internal_area, external_area, 256, &port));
    printf("port id 0x%08" PRIxrtems_id "\n", port);
    show("create too many",
         rtems_port_create(NAME('D', 'P', '2', ' '), internal_area, external_area, 256, &id));
    show("ident", rtems_port_ident(NAME('D', 'P', '1', ' '), &id));
    printf("ident matches: %s\n", id == port ? "yes" : "no");
    show("ident unknown", rtems_port_ident(NAME('N', 'O', 'N', 'E'), &id));
    show("ident NULL", rtems_port_ident(NAME('D', 'P', '1', ' '), NULL));

    to_internal(port, 0);
    to_internal(port, 100);
    to_internal(port, 255);
    to_internal(port, 256);
    to_internal(port, -8);
    to_external(port, 0);
    to_external(port, 255);
    to_external(port, 256);
    show("external_to_internal NULL", rtems_port_external_to_internal(port, external_area, NULL));
    show("internal_to_external NULL", rtems_port_internal_to_external(port, internal_area, NULL));
    show("external_to_internal bad id", rtems_port_external_to_internal(0, external_area, &result));
    show("internal_to_external bad id", rtems_port_internal_to_external(0, internal_area, &result));
    show("delete bad id", rtems_port_delete(0));
    show("delete", rtems_port_delete(port));
    show("delete again", rtems_port_delete(port));
    printf("*** END OF DPMEM01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS 1
#define CONFIGURE_MAXIMUM_PORTS 1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
