/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The SDK's example (docs/guest.md, "Build your own application"), built
 * out of tree from an installed SDK by tests/system/test_sdk.py: a Classic
 * API task and a POSIX thread hand a message and a semaphore to each other,
 * so that both APIs, the executive's tables sized by confdefs and newlib's
 * stdio are in the image. APP_NAME (a string) names the program.
 */
#include <rtems.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef APP_NAME
#define APP_NAME "hello"
#endif

static rtems_id queue;
static sem_t done;

static void *thread_body(void *arg)
{
    char text[16] = {0};
    size_t size = 0;
    rtems_status_code sc =
        rtems_message_queue_receive(queue, text, &size, RTEMS_WAIT, RTEMS_NO_TIMEOUT);

    printf("%s: POSIX thread %s got \"%s\" (%s, %u bytes)\n", APP_NAME, (const char *)arg, text,
           rtems_status_text(sc), (unsigned)size);
    (void)sem_post(&done);
    return NULL;
}

static rtems_task Init(rtems_task_argument argument)
{
    pthread_t thread;
    struct timespec res;

    (void)argument;
    printf("%s: Classic task Init, id 0x%08lx\n", APP_NAME, (unsigned long)rtems_task_self());
    rtems_status_code sc = rtems_message_queue_create(rtems_build_name('Q', 'U', 'E', 'U'), 1, 16,
                                                      RTEMS_DEFAULT_ATTRIBUTES, &queue);
    printf("%s: message queue 0x%08lx: %s\n", APP_NAME, (unsigned long)queue,
           rtems_status_text(sc));
    printf("%s: sem_init: %d\n", APP_NAME, sem_init(&done, 0, 0));
    int eno = pthread_create(&thread, NULL, thread_body, "T1");
    printf("%s: pthread_create: %s, id 0x%08lx\n", APP_NAME, strerror(eno), (unsigned long)thread);
    sc = rtems_message_queue_send(queue, "ping", 5);
    printf("%s: sent ping: %s\n", APP_NAME, rtems_status_text(sc));
    printf("%s: sem_wait: %d\n", APP_NAME, sem_wait(&done));
    printf("%s: pthread_join: %s\n", APP_NAME, strerror(pthread_join(thread, NULL)));
    (void)clock_getres(CLOCK_MONOTONIC, &res);
    printf("%s: monotonic clock resolution %ld ns\n", APP_NAME, res.tv_nsec);
    printf("%s: done\n", APP_NAME);
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK    10000
#define CONFIGURE_MAXIMUM_TASKS            1
#define CONFIGURE_MAXIMUM_MESSAGE_QUEUES   1
#define CONFIGURE_MESSAGE_BUFFER_MEMORY    CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(1, 16)
#define CONFIGURE_MAXIMUM_POSIX_THREADS    1
#define CONFIGURE_MAXIMUM_POSIX_SEMAPHORES 1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
