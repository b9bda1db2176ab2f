/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Object services: ids built and taken apart, names read and set (also
 * with RTEMS_SELF), API and class names and ranges, class information, and
 * every error status.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static void show_name(rtems_id id)
{
    char buffer[5];
    char *s = rtems_object_get_name(id, sizeof(buffer), buffer);

    printf("name of 0x%08" PRIxrtems_id ": %s\n", id, s != NULL ? s : "(NULL)");
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, sem, part_id;
    rtems_name name;
    rtems_object_api_class_information info;
    static long part_area[16];

    (void)arg;
    printf("*** BEGIN OF OBJECT01 ***\n");
    id = rtems_build_id(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_BARRIERS, 1, 7);
    printf("built id 0x%08" PRIxrtems_id ": api %d class %d node %d index %d\n", id,
           rtems_object_id_get_api(id), rtems_object_id_get_class(id), rtems_object_id_get_node(id),
           rtems_object_id_get_index(id));
    printf("api range %d..%d\n", rtems_object_id_api_minimum(), rtems_object_id_api_maximum());
    for (int api = 0; api <= 4; api++) {
        printf("api %d %s: classes %d..%d\n", api, rtems_object_get_api_name(api),
               rtems_object_api_minimum_class(api), rtems_object_api_maximum_class(api));
    }
    for (int c = 0; c <= 11; c++) {
        printf("classic class %d: %s\n", c,
               rtems_object_get_api_class_name(OBJECTS_CLASSIC_API, c));
    }
    printf("internal class 1: %s\n",
           rtems_object_get_api_class_name(OBJECTS_INTERNAL_API, OBJECTS_INTERNAL_THREADS));

    (void)rtems_semaphore_create(NAME('S', 'E', 'M', '1'), 1, 0, 0, &sem);
    (void)rtems_partition_create(NAME('P', 'A', 'R', 'T'), part_area, sizeof(part_area),
                                 4 * sizeof(long), 0, &part_id);
    show_name(RTEMS_SELF);
    show_name(sem);
    show_name(part_id);
    show_name(0x09010001);
    show_name(0x1a010009);
    show("get_classic_name NULL", rtems_object_get_classic_name(sem, NULL));
    show("get_classic_name bad id", rtems_object_get_classic_name(0x1a010009, &name));
    show("get_classic_name", rtems_object_get_classic_name(part_id, &name));
    printf("name 0x%08" PRIxrtems_name "\n", name);

    show("set_name NULL", rtems_object_set_name(sem, NULL));
    show("set_name bad id", rtems_object_set_name(0x1a010009, "X"));
    show("set_name short", rtems_object_set_name(sem, "ab"));
    show_name(sem);
    show("set_name long", rtems_object_set_name(RTEMS_SELF, "MAIN task"));
    show_name(RTEMS_SELF);
    show("ident by new name",
         rtems_task_ident(NAME('M', 'A', 'I', 'N'), RTEMS_SEARCH_LOCAL_NODE, &id));
    printf("ident matches: %s\n", id == rtems_task_self() ? "yes" : "no");

    show("class information NULL",
         rtems_object_get_class_information(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_TASKS, NULL));
    show("class information bad api", rtems_object_get_class_information(5, 1, &info));
    show("class information bad class",
         rtems_object_get_class_information(OBJECTS_CLASSIC_API, 11, &info));
    show("class information semaphores",
         rtems_object_get_class_information(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_SEMAPHORES, &info));
    printf("ids 0x%08" PRIxrtems_id "..0x%08" PRIxrtems_id " maximum %" PRIu32
           " unallocated %" PRIu32 " auto extend %d\n",
           info.minimum_id, info.maximum_id, info.maximum, info.unallocated, (int)info.auto_extend);
    printf("*** END OF OBJECT01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS      1
#define CONFIGURE_MAXIMUM_SEMAPHORES 3
#define CONFIGURE_MAXIMUM_PARTITIONS 1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
