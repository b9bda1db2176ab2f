/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The message store of POSIX message queues (guest/posix/posix_mq_buffers.c):
 * priority order with FIFO within a priority, the buffer count, sizes and
 * the storage size that CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE must cover.
 */
#include <rtems.h>

#include "test_support.h"
#include "posix_mq_buffers.h"

#include <string.h>

#define COUNT 5
#define SIZE  8

static _Alignas(16) char storage[1024];

static void fill(struct posix_mq_buffers *b)
{
    assert_true(posix_mq_storage_size(COUNT, SIZE) <= sizeof storage);
    posix_mq_buffers_init(b, storage, COUNT, SIZE);
}

static void expect(struct posix_mq_buffers *b, const char *text, unsigned prio)
{
    char buf[SIZE];
    unsigned got = 99;
    size_t n = posix_mq_take(b, buf, &got);

    assert_int_equal(n, strlen(text));
    assert_memory_equal(buf, text, n);
    assert_int_equal(got, prio);
}

static void highest_priority_first_fifo_within(void **state)
{
    struct posix_mq_buffers b;

    (void)state;
    fill(&b);
    assert_true(posix_mq_put(&b, "a", 1, 1));
    assert_true(posix_mq_put(&b, "b", 1, 5));
    assert_true(posix_mq_put(&b, "c", 1, 1));
    assert_true(posix_mq_put(&b, "d", 1, 5));
    assert_true(posix_mq_put(&b, "e", 1, 0));
    assert_int_equal(b.count, COUNT);
    expect(&b, "b", 5);
    expect(&b, "d", 5);
    /* A later message of a priority already there goes behind it. */
    assert_true(posix_mq_put(&b, "f", 1, 1));
    expect(&b, "a", 1);
    expect(&b, "c", 1);
    expect(&b, "f", 1);
    expect(&b, "e", 0);
    assert_int_equal(b.count, 0);
    assert_null(b.pending);
}

static void full_store_refuses(void **state)
{
    struct posix_mq_buffers b;
    char buf[SIZE];

    (void)state;
    fill(&b);
    for (unsigned i = 0; i < COUNT; i++) {
        assert_true(posix_mq_put(&b, "12345678", SIZE, i));
    }
    assert_false(posix_mq_put(&b, "x", 1, 31));
    assert_int_equal(b.count, COUNT);
    assert_int_equal(posix_mq_take(&b, buf, NULL), SIZE);
    assert_true(posix_mq_put(&b, "", 0, 31));
    expect(&b, "", 31);
}

static void sizes_and_priorities_survive(void **state)
{
    struct posix_mq_buffers b;

    (void)state;
    fill(&b);
    assert_true(posix_mq_put(&b, "1234567", 7, 31));
    assert_true(posix_mq_put(&b, "xy", 2, 0));
    expect(&b, "1234567", 31);
    expect(&b, "xy", 0);
}

static void storage_matches_classic_buffers(void **state)
{
    (void)state;
    /* The stride of a Classic queue, so confdefs' sum counts POSIX queues. */
    assert_int_equal(posix_mq_storage_size(10, 16), 10 * EXEC_MESSAGE_BUFFER_STRIDE(16));
    assert_int_equal(posix_mq_storage_size(3, 1), 3 * EXEC_MESSAGE_BUFFER_STRIDE(1));
    assert_int_equal(posix_mq_storage_size(1, POSIX_MQ_SIZE_MAX + 1), 0);
    assert_int_equal(
        posix_mq_storage_size(UINT32_MAX, POSIX_MQ_SIZE_MAX),
        sizeof(size_t) == 4 ? 0 : UINT32_MAX * EXEC_MESSAGE_BUFFER_STRIDE(POSIX_MQ_SIZE_MAX));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(highest_priority_first_fifo_within),
        cmocka_unit_test(full_store_refuses),
        cmocka_unit_test(sizes_and_priorities_survive),
        cmocka_unit_test(storage_matches_classic_buffers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
