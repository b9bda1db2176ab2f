/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition manager: buffers handed out in address order and recycled
 * FIFO, exhaustion, returning foreign addresses, deleting a partition in
 * use, and every error status.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)
#define BUFFER_SIZE      (8 * sizeof(void *))
#define BUFFERS          3

/* The partition lies inside memory, so addresses around it are valid pointers. */
static void *memory[(BUFFERS + 2) * 8 + 2];
static void *const area = &memory[8];

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static long offset(void *p)
{
    return (long)(((char *)p - (char *)area) / (long)BUFFER_SIZE);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, part, other;
    void *b[BUFFERS + 1];
    void *extra;
    char *base = (char *)area;

    (void)arg;
    printf("*** BEGIN OF PART01 ***\n");
    show("create bad name",
         rtems_partition_create(0, area, sizeof(memory) / 2, BUFFER_SIZE, 0, &id));
    show("create NULL id", rtems_partition_create(NAME('P', 'T', '1', ' '), area,
                                                  sizeof(memory) / 2, BUFFER_SIZE, 0, NULL));
    show("create NULL area", rtems_partition_create(NAME('P', 'T', '1', ' '), NULL,
                                                    sizeof(memory) / 2, BUFFER_SIZE, 0, &id));
    show("create length 0",
         rtems_partition_create(NAME('P', 'T', '1', ' '), area, 0, BUFFER_SIZE, 0, &id));
    show("create buffer size 0",
         rtems_partition_create(NAME('P', 'T', '1', ' '), area, sizeof(memory) / 2, 0, 0, &id));
    show("create length < buffer", rtems_partition_create(NAME('P', 'T', '1', ' '), area,
                                                          BUFFER_SIZE - 1, BUFFER_SIZE, 0, &id));
    show("create unaligned size",
         rtems_partition_create(NAME('P', 'T', '1', ' '), area, sizeof(memory) / 2, BUFFER_SIZE + 1,
                                0, &id));
    show("create buffer too small",
         rtems_partition_create(NAME('P', 'T', '1', ' '), area, sizeof(memory) / 2, sizeof(void *),
                                0, &id));
    show("create unaligned area", rtems_partition_create(NAME('P', 'T', '1', ' '), base + 1,
                                                         BUFFER_SIZE * 2, BUFFER_SIZE, 0, &id));
    /* The length need not be a multiple of the buffer size: the rest is unused. */
    show("create", rtems_partition_create(NAME('P', 'T', '1', ' '), area,
                                          BUFFERS * BUFFER_SIZE + BUFFER_SIZE / 2, BUFFER_SIZE,
                                          RTEMS_LOCAL, &part));
    printf("partition id 0x%08" PRIxrtems_id "\n", part);
    show("create too many", rtems_partition_create(NAME('P', 'T', '2', ' '), area,
                                                   sizeof(memory) / 2, BUFFER_SIZE, 0, &other));
    show("ident", rtems_partition_ident(NAME('P', 'T', '1', ' '), RTEMS_SEARCH_ALL_NODES, &id));
    printf("ident matches: %s\n", id == part ? "yes" : "no");
    show("ident unknown",
         rtems_partition_ident(NAME('N', 'O', 'N', 'E'), RTEMS_SEARCH_ALL_NODES, &id));
    show("ident NULL",
         rtems_partition_ident(NAME('P', 'T', '1', ' '), RTEMS_SEARCH_ALL_NODES, NULL));

    show("get_buffer NULL", rtems_partition_get_buffer(part, NULL));
    show("get_buffer bad id", rtems_partition_get_buffer(0, &extra));
    for (int i = 0; i < BUFFERS; i++) {
        show("get_buffer", rtems_partition_get_buffer(part, &b[i]));
        printf("buffer %d at offset %ld\n", i, offset(b[i]));
    }
    show("get_buffer exhausted", rtems_partition_get_buffer(part, &b[BUFFERS]));
    show("delete in use", rtems_partition_delete(part));

    show("return bad id", rtems_partition_return_buffer(0, b[0]));
    show("return inside a buffer", rtems_partition_return_buffer(part, (char *)b[1] + 4));
    show("return below", rtems_partition_return_buffer(part, base - BUFFER_SIZE));
    show("return past the end",
         rtems_partition_return_buffer(part, base + BUFFERS * BUFFER_SIZE + BUFFER_SIZE));
    show("return NULL", rtems_partition_return_buffer(part, NULL));
    show("return 1", rtems_partition_return_buffer(part, b[1]));
    show("return 0", rtems_partition_return_buffer(part, b[0]));
    show("get_buffer", rtems_partition_get_buffer(part, &extra));
    printf("recycled buffer at offset %ld\n", offset(extra));
    show("return it", rtems_partition_return_buffer(part, extra));
    show("return 2", rtems_partition_return_buffer(part, b[2]));
    show("delete", rtems_partition_delete(part));
    show("delete again", rtems_partition_delete(part));
    show("get_buffer deleted", rtems_partition_get_buffer(part, &extra));
    show("return deleted", rtems_partition_return_buffer(part, b[0]));
    printf("*** END OF PART01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS      1
#define CONFIGURE_MAXIMUM_PARTITIONS 1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
