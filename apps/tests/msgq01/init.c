/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Message queue manager: create and construct errors, FIFO and urgent
 * order, a full queue, sizes, receive with timeout, broadcast to waiting
 * receivers, flush, delete with a waiting receiver.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)
#define MSG_SIZE         16

static rtems_id queue;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static void send(const char *text)
{
    char what[48];

    snprintf(what, sizeof(what), "send \"%s\"", text);
    show(what, rtems_message_queue_send(queue, text, strlen(text) + 1));
}

static void receive(rtems_option option, rtems_interval timeout)
{
    char buf[MSG_SIZE];
    size_t size = 0;
    rtems_status_code status = rtems_message_queue_receive(queue, buf, &size, option, timeout);

    if (status == RTEMS_SUCCESSFUL) {
        printf("received \"%s\" (%zu bytes)\n", buf, size);
    } else {
        show("receive", status);
    }
}

static rtems_task receiver(rtems_task_argument arg)
{
    char buf[MSG_SIZE];
    size_t size = 0;
    rtems_status_code status;

    status = rtems_message_queue_receive(queue, buf, &size, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
    if (status == RTEMS_SUCCESSFUL) {
        printf("receiver %d got \"%s\"\n", (int)arg, buf);
    } else {
        printf("receiver %d: %s\n", (int)arg, rtems_status_text(status));
    }
    rtems_task_exit();
}

/* cppcheck-suppress unusedStructMember */
static RTEMS_MESSAGE_QUEUE_BUFFER(MSG_SIZE) storage[2];

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, t1, t2;
    uint32_t count = 99;
    size_t size;
    char buf[MSG_SIZE];
    rtems_mode mode;
    rtems_message_queue_config config = {
        .name = NAME('C', 'O', 'N', 'S'),
        .maximum_pending_messages = 2,
        .maximum_message_size = MSG_SIZE,
        .storage_area = storage,
        .storage_size = sizeof(storage) - 1,
        .storage_free = NULL,
        .attributes = RTEMS_DEFAULT_ATTRIBUTES,
    };

    (void)arg;
    printf("*** BEGIN OF MSGQ01 ***\n");
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    show("create bad name", rtems_message_queue_create(0, 3, MSG_SIZE, 0, &id));
    show("create NULL id",
         rtems_message_queue_create(NAME('Q', '1', ' ', ' '), 3, MSG_SIZE, 0, NULL));
    show("create count 0",
         rtems_message_queue_create(NAME('Q', '1', ' ', ' '), 0, MSG_SIZE, 0, &id));
    show("create size 0", rtems_message_queue_create(NAME('Q', '1', ' ', ' '), 3, 0, 0, &id));
    show("create",
         rtems_message_queue_create(NAME('Q', '1', ' ', ' '), 3, MSG_SIZE, RTEMS_FIFO, &queue));
    printf("queue id 0x%08" PRIxrtems_id "\n", queue);
    show("construct wrong size", rtems_message_queue_construct(&config, &id));
    config.storage_size = sizeof(storage);
    show("construct", rtems_message_queue_construct(&config, &id));
    show("create too many",
         rtems_message_queue_create(NAME('Q', '2', ' ', ' '), 3, MSG_SIZE, 0, &t1));
    show("delete constructed", rtems_message_queue_delete(id));
    show("ident", rtems_message_queue_ident(NAME('Q', '1', ' ', ' '), 0, &id));
    printf("ident matches: %s\n", id == queue ? "yes" : "no");

    send("one");
    send("two");
    show("urgent \"zero\"", rtems_message_queue_urgent(queue, "zero", 5));
    send("three");
    show("send too big", rtems_message_queue_send(queue, buf, MSG_SIZE + 1));
    show("send NULL", rtems_message_queue_send(queue, NULL, 1));
    show("send bad id", rtems_message_queue_send(0x2201000f, "x", 2));
    show("pending", rtems_message_queue_get_number_pending(queue, &count));
    printf("pending %" PRIu32 "\n", count);
    show("pending NULL", rtems_message_queue_get_number_pending(queue, NULL));
    receive(RTEMS_NO_WAIT, 0);
    receive(RTEMS_NO_WAIT, 0);
    receive(RTEMS_WAIT, 0);
    receive(RTEMS_NO_WAIT, 0);
    receive(RTEMS_WAIT, 4);
    printf("ticks %" PRIu32 "\n", rtems_clock_get_ticks_since_boot());
    show("receive NULL size", rtems_message_queue_receive(queue, buf, NULL, RTEMS_NO_WAIT, 0));

    (void)rtems_task_create(NAME('R', '1', ' ', ' '), 5, 0, 0, 0, &t1);
    (void)rtems_task_create(NAME('R', '2', ' ', ' '), 5, 0, 0, 0, &t2);
    (void)rtems_task_start(t1, receiver, 1);
    (void)rtems_task_start(t2, receiver, 2);
    show("broadcast", rtems_message_queue_broadcast(queue, "all", 4, &count));
    printf("broadcast reached %" PRIu32 "\n", count);
    show("broadcast none waiting", rtems_message_queue_broadcast(queue, "all", 4, &count));
    printf("broadcast reached %" PRIu32 "\n", count);

    send("a");
    send("b");
    show("flush", rtems_message_queue_flush(queue, &count));
    printf("flushed %" PRIu32 "\n", count);
    (void)rtems_task_create(NAME('R', '3', ' ', ' '), 5, 0, 0, 0, &t1);
    (void)rtems_task_start(t1, receiver, 3);
    send("direct");
    (void)rtems_task_create(NAME('R', '4', ' ', ' '), 5, 0, 0, 0, &t1);
    (void)rtems_task_start(t1, receiver, 4);
    show("delete", rtems_message_queue_delete(queue));
    show("receive deleted", rtems_message_queue_receive(queue, buf, &size, RTEMS_NO_WAIT, 0));
    printf("*** END OF MSGQ01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS          3
#define CONFIGURE_MAXIMUM_MESSAGE_QUEUES 2
#define CONFIGURE_MESSAGE_BUFFER_MEMORY  CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(3, MSG_SIZE)
#define CONFIGURE_INIT_TASK_PRIORITY     10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
