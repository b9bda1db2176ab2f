/* SPDX-License-Identifier: BSD-2-Clause */
/* Object ids as RTEMS encodes them, allocation order, lookup by id and name. */
#include <rtems.h>

#include "test_support.h"
#include "objects.h"

static struct exec_semaphore blocks[3];
static struct exec_object_info info;

static int setup(void **state)
{
    (void)state;
    exec_object_info_init(&info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_SEMAPHORES, blocks, 3,
                          sizeof(blocks[0]));
    return 0;
}

static void id_encoding(void **state)
{
    rtems_id id = rtems_build_id(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_TASKS, 1, 2);

    (void)state;
    assert_int_equal(id, 0x0a010002);
    assert_int_equal(exec_object_build_id(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_SEMAPHORES, 1),
                     0x1a010001);
    assert_int_equal(exec_object_build_id(OBJECTS_INTERNAL_API, OBJECTS_INTERNAL_THREADS, 1),
                     0x09010001);
    assert_int_equal(exec_object_build_id(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_MESSAGE_QUEUES, 1),
                     0x22010001);
    assert_int_equal(exec_object_build_id(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_TIMERS, 1),
                     0x12010001);
    assert_int_equal(rtems_object_id_get_api(id), OBJECTS_CLASSIC_API);
    assert_int_equal(rtems_object_id_get_class(id), OBJECTS_RTEMS_TASKS);
    assert_int_equal(rtems_object_id_get_node(id), 1);
    assert_int_equal(rtems_object_id_get_index(id), 2);
    id = rtems_build_id(7, 31, 255, 0xffff);
    assert_int_equal(id, 0xffffffff);
    assert_int_equal(rtems_object_id_get_api(id), 7);
    assert_int_equal(rtems_object_id_get_class(id), 31);
    assert_int_equal(rtems_object_id_get_node(id), 255);
    assert_int_equal(rtems_object_id_get_index(id), 0xffff);
}

static void names(void **state)
{
    rtems_name name = rtems_build_name('T', 'A', '1', ' ');
    char c[4];

    (void)state;
    assert_int_equal(name, 0x54413120);
    rtems_name_to_characters(name, &c[0], &c[1], &c[2], &c[3]);
    assert_memory_equal(c, "TA1 ", 4);
    assert_false(rtems_is_name_valid(0));
    assert_true(rtems_is_name_valid(name));
}

static void allocation_order_and_reuse(void **state)
{
    struct exec_object *a;
    struct exec_object *b;
    struct exec_object *c;

    (void)state;
    a = exec_object_allocate(&info, 1);
    b = exec_object_allocate(&info, 2);
    assert_int_equal(a->id, 0x1a010001);
    assert_int_equal(b->id, 0x1a010002);
    exec_object_free(&info, a);
    /* Freed objects go to the back: the never used index comes first. */
    c = exec_object_allocate(&info, 3);
    assert_int_equal(c->id, 0x1a010003);
    a = exec_object_allocate(&info, 4);
    assert_int_equal(a->id, 0x1a010001);
    assert_null(exec_object_allocate(&info, 5));
}

static void lookup_by_id(void **state)
{
    struct exec_object *a;

    (void)state;
    a = exec_object_allocate(&info, 1);
    assert_ptr_equal(exec_object_get(&info, a->id), a);
    assert_null(exec_object_get(&info, a->id + 1));  /* inactive */
    assert_null(exec_object_get(&info, 0x1a010000)); /* index 0 */
    assert_null(exec_object_get(&info, 0x1a010004)); /* beyond maximum */
    assert_null(exec_object_get(&info, 0x0a010001)); /* other class */
    exec_object_free(&info, a);
    assert_null(exec_object_get(&info, a->id));
    assert_ptr_equal(exec_object_info_of(0x1a010001), &exec_semaphores_info);
    assert_ptr_equal(exec_object_info_of(0x0a010001), &exec_tasks_info);
    assert_ptr_equal(exec_object_info_of(0x22010001), &exec_message_queues_info);
    assert_ptr_equal(exec_object_info_of(0x12010001), &exec_timers_info);
    assert_null(exec_object_info_of(0x09010001));
    assert_null(exec_object_info_of(0x1a020001)); /* remote node */
}

static void lookup_by_name(void **state)
{
    rtems_id id = 0;

    (void)state;
    (void)exec_object_allocate(&info, rtems_build_name('A', 'A', 'A', 'A'));
    (void)exec_object_allocate(&info, rtems_build_name('B', 'B', 'B', 'B'));
    (void)exec_object_allocate(&info, rtems_build_name('B', 'B', 'B', 'B'));
    assert_int_equal(
        exec_object_ident(&info, rtems_build_name('B', 'B', 'B', 'B'), RTEMS_SEARCH_ALL_NODES, &id),
        RTEMS_SUCCESSFUL);
    assert_int_equal(id, 0x1a010002);
    assert_int_equal(exec_object_ident(&info, rtems_build_name('A', 'A', 'A', 'A'),
                                       RTEMS_SEARCH_LOCAL_NODE, &id),
                     RTEMS_SUCCESSFUL);
    assert_int_equal(id, 0x1a010001);
    assert_int_equal(exec_object_ident(&info, rtems_build_name('A', 'A', 'A', 'A'), 1, &id),
                     RTEMS_SUCCESSFUL);
    assert_int_equal(exec_object_ident(&info, rtems_build_name('A', 'A', 'A', 'A'), 2, &id),
                     RTEMS_INVALID_NAME);
    assert_int_equal(exec_object_ident(&info, rtems_build_name('C', 'C', 'C', 'C'), 0, &id),
                     RTEMS_INVALID_NAME);
    assert_int_equal(exec_object_ident(&info, 0, 0, &id), RTEMS_INVALID_NAME);
    assert_int_equal(exec_object_ident(&info, 1, 0, NULL), RTEMS_INVALID_ADDRESS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(id_encoding),
        cmocka_unit_test(names),
        cmocka_unit_test_setup(allocation_order_and_reuse, setup),
        cmocka_unit_test_setup(lookup_by_id, setup),
        cmocka_unit_test_setup(lookup_by_name, setup),
    };

    return cmocka_run_group_tests_name("guest objects", tests, NULL, NULL);
}
