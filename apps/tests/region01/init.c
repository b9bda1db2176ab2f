/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Region manager: segments with and without waiting, a waiter served when
 * memory comes back, timeouts, resizing in place, information, extending
 * with a second area, and every error status.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static long long area1[128];
static long long area2[128];
static rtems_id region;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static rtems_task waiter(rtems_task_argument arg)
{
    void *seg = NULL;
    rtems_status_code sc;

    (void)arg;
    printf("waiter asks for 700 bytes\n");
    sc = rtems_region_get_segment(region, 700, RTEMS_WAIT, RTEMS_NO_TIMEOUT, &seg);
    printf("waiter: %s, segment %s\n", rtems_status_text(sc), seg != NULL ? "set" : "NULL");
    show("waiter returns", rtems_region_return_segment(region, seg));
    rtems_task_exit();
}

static void show_information(void)
{
    Heap_Information_block info;

    show("get_information", rtems_region_get_information(region, &info));
    printf("used blocks %lu, free blocks %lu\n", (unsigned long)info.Used.number,
           (unsigned long)info.Free.number);
    show("get_free_information", rtems_region_get_free_information(region, &info));
    printf("used blocks %lu, free blocks %lu\n", (unsigned long)info.Used.number,
           (unsigned long)info.Free.number);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, task;
    void *a = NULL, *b = NULL, *c = NULL, *d = NULL;
    uintptr_t size = 0, old = 0;
    Heap_Information_block info;
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF REGION01 ***\n");
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    show("create bad name", rtems_region_create(0, area1, sizeof(area1), 0, 0, &id));
    show("create NULL id",
         rtems_region_create(NAME('R', 'G', '1', ' '), area1, sizeof(area1), 0, 0, NULL));
    show("create NULL area",
         rtems_region_create(NAME('R', 'G', '1', ' '), NULL, sizeof(area1), 0, 0, &id));
    show("create too small", rtems_region_create(NAME('R', 'G', '1', ' '), area1, 8, 0, 0, &id));
    show("create", rtems_region_create(NAME('R', 'G', '1', ' '), area1, sizeof(area1), 0,
                                       RTEMS_PRIORITY, &region));
    printf("region id 0x%08" PRIxrtems_id "\n", region);
    show("create too many",
         rtems_region_create(NAME('R', 'G', '2', ' '), area2, sizeof(area2), 0, 0, &id));
    show("ident", rtems_region_ident(NAME('R', 'G', '1', ' '), &id));
    printf("ident matches: %s\n", id == region ? "yes" : "no");
    show("ident unknown", rtems_region_ident(NAME('N', 'O', 'N', 'E'), &id));
    show("ident NULL", rtems_region_ident(NAME('R', 'G', '1', ' '), NULL));

    show("get_segment NULL", rtems_region_get_segment(region, 8, RTEMS_NO_WAIT, 0, NULL));
    show("get_segment size 0", rtems_region_get_segment(region, 0, RTEMS_NO_WAIT, 0, &a));
    show("get_segment bad id", rtems_region_get_segment(0, 8, RTEMS_NO_WAIT, 0, &a));
    show("get_segment too large", rtems_region_get_segment(region, 4096, RTEMS_NO_WAIT, 0, &a));
    show("get_segment 700", rtems_region_get_segment(region, 700, RTEMS_NO_WAIT, 0, &a));
    show("get_segment 700 no wait", rtems_region_get_segment(region, 700, RTEMS_NO_WAIT, 0, &b));
    show("get_segment 700 timeout 3", rtems_region_get_segment(region, 700, RTEMS_WAIT, 3, &b));
    printf("ticks %" PRIu32 "\n", rtems_clock_get_ticks_since_boot());

    (void)rtems_task_create(NAME('W', 'A', 'I', 'T'), 5, 0, RTEMS_DEFAULT_MODES, 0, &task);
    (void)rtems_task_start(task, waiter, 0);
    show("return bad id", rtems_region_return_segment(0, a));
    show("return bad address", rtems_region_return_segment(region, (char *)a + 1));
    show("return NULL", rtems_region_return_segment(region, NULL));
    show("return 700", rtems_region_return_segment(region, a));
    show("return again", rtems_region_return_segment(region, a));

    show("get_segment 100", rtems_region_get_segment(region, 100, RTEMS_WAIT, 0, &b));
    show("get_segment 100", rtems_region_get_segment(region, 100, RTEMS_WAIT, 0, &c));
    show("segment_size NULL segment", rtems_region_get_segment_size(region, NULL, &size));
    show("segment_size NULL size", rtems_region_get_segment_size(region, b, NULL));
    show("segment_size bad id", rtems_region_get_segment_size(0, b, &size));
    show("segment_size bad segment", rtems_region_get_segment_size(region, (char *)b + 8, &size));
    show("segment_size", rtems_region_get_segment_size(region, b, &size));
    printf("size >= 100: %s\n", size >= 100 ? "yes" : "no");

    show("resize NULL old", rtems_region_resize_segment(region, b, 50, NULL));
    show("resize bad id", rtems_region_resize_segment(0, b, 50, &old));
    show("resize bad segment", rtems_region_resize_segment(region, (char *)b + 8, 50, &old));
    show("resize blocked by neighbour", rtems_region_resize_segment(region, b, 500, &old));
    show("resize grow into free", rtems_region_resize_segment(region, c, 600, &old));
    printf("old size is the 100-byte segment's: %s\n", old == size ? "yes" : "no");
    show("resize shrink", rtems_region_resize_segment(region, b, 50, &old));
    (void)rtems_region_get_segment_size(region, b, &size);
    printf("size now >= 50 and < 100: %s\n", size >= 50 && size < 100 ? "yes" : "no");
    show_information();
    show("get_information NULL", rtems_region_get_information(region, NULL));
    show("get_information bad id", rtems_region_get_information(0, &info));
    show("get_free_information NULL", rtems_region_get_free_information(region, NULL));
    show("get_free_information bad id", rtems_region_get_free_information(0, &info));

    show("extend NULL", rtems_region_extend(region, NULL, sizeof(area2)));
    show("extend bad id", rtems_region_extend(0, area2, sizeof(area2)));
    show("extend overlapping", rtems_region_extend(region, &area1[4], sizeof(area2)));
    show("extend too small", rtems_region_extend(region, area2, 8));
    show("get_segment 900 before", rtems_region_get_segment(region, 900, RTEMS_NO_WAIT, 0, &d));
    show("extend", rtems_region_extend(region, area2, sizeof(area2)));
    show("get_segment 900 after", rtems_region_get_segment(region, 900, RTEMS_NO_WAIT, 0, &d));
    printf("in the new area: %s\n",
           (char *)d >= (char *)area2 && (char *)d < (char *)area2 + sizeof(area2) ? "yes" : "no");
    show_information();

    show("delete in use", rtems_region_delete(region));
    show("delete bad id", rtems_region_delete(0));
    (void)rtems_region_return_segment(region, b);
    (void)rtems_region_return_segment(region, c);
    (void)rtems_region_return_segment(region, d);
    show_information();
    show("delete", rtems_region_delete(region));
    show("delete again", rtems_region_delete(region));
    show("get_segment deleted", rtems_region_get_segment(region, 8, RTEMS_NO_WAIT, 0, &a));
    printf("*** END OF REGION01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS      2
#define CONFIGURE_MAXIMUM_REGIONS    1
#define CONFIGURE_INIT_TASK_PRIORITY 10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
