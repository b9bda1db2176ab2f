/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The argument contract of every hypercall, as data: which arguments are
 * pointers (with their length and the right the kernel needs) and which are
 * bounded numbers (with their bounds and the error beyond them).
 *
 * docs/pv-api.md ("Argument contract") explains the table; the kernel's
 * handlers implement it, and the tests check them against it: the host unit
 * test (tests/unit/kernel/test_hcall_args.c) and a system test partition on
 * every arch (tests/system/parts/argcheck.c) both generate, from this table
 * alone, every bad pointer class and every bound +-1 of every call
 * (tests/common/hcall_cases.c). A new hypercall needs its entry here, or
 * those tests fail.
 *
 * Numbers are register words (pv_word_t, pv/word.h: 32 bits on x86 and
 * SPARC, 64 on RISC-V), so the bounds are those of the value the kernel
 * reads whole. A 64-bit value takes PV_U64_WORDS words (pv/hcall_words.h):
 * the one entry that differs with the word's width is timer_set's, whose
 * deadline and period are one word each on a 64-bit arch and a low and a
 * high word each on a 32-bit one.
 */
#ifndef PV_HCALL_ARGS_H
#define PV_HCALL_ARGS_H

#include <stdint.h>
#include <pv/word.h>
#include "abi.h"
#include "hcall_words.h"
#include "hm.h"
#include "port.h"
#include "status.h"
#include "trace.h"

/* What an argument is. */
#define PV_ARG_UNUSED   0 /* not an argument of the call */
#define PV_ARG_VALUE    1 /* a value without a contract of its own: always .valid */
#define PV_ARG_IN       2 /* pointer to memory the kernel reads: right r */
#define PV_ARG_OUT      3 /* pointer to memory the kernel writes: right w */
#define PV_ARG_CODE     4 /* code address: 1 byte with right x (SPARC: 4-aligned) */
#define PV_ARG_NUMBER   5 /* a number in [min, max]; below: err_below, above: err_above */
#define PV_ARG_PEER     6 /* the configured id of another partition (the test's choice) */
#define PV_ARG_PORT_SRC 7 /* a handle of the caller's source port (the test's choice) */
#define PV_ARG_PORT_DST 8 /* a handle of the caller's destination port (the test's choice) */

/* Flags of an argument. */
#define PV_ARG_NULL_OK  0x01u /* pointer: 0 means "none" and is accepted */
#define PV_ARG_ZERO_OK  0x02u /* number: 0 is accepted although below min */
#define PV_ARG_PORT_MAX 0x04u /* number: max is the port's max_message_size */
#define PV_ARG_ARCH_SIZE                                                                           \
    0x08u                     /* pointer: size is sizeof(struct pv_upcall_frame) of the arch,      \
                                 and the arch binding checks it */
#define PV_ARG_NO_VALID 0x10u /* pointer: a valid value does not return (not called valid) */
#define PV_ARG_CLAMP    0x20u /* number: above max is not an error, the call uses max */

/* The length of a pointer argument: size bytes when len_arg is
 * PV_ARG_FIXED, else size * (argument len_arg) bytes - with that argument
 * taken as at most its max when it has PV_ARG_CLAMP. */
#define PV_ARG_FIXED 0xffu

/* The largest value of a register word: a number without an upper bound. */
#define PV_ARG_WORD_MAX ((pv_word_t)-1)

/* Who may call. */
#define PV_WHO_ANY     0 /* every partition */
#define PV_WHO_SYSTEM  1 /* system partitions */
#define PV_WHO_CONSOLE 2 /* the partition named by <console input="..."/> */

struct pv_arg_contract {
    uint8_t kind;  /* PV_ARG_* */
    uint8_t flags; /* PV_ARG_NULL_OK, ... */
    uint8_t len_arg;
    uint8_t reserved;
    uint32_t size;      /* pointers: bytes, or bytes per unit of argument len_arg */
    int32_t err_below;  /* numbers: the result for min - 1 (if min > 0) */
    int32_t err_above;  /* numbers: the result for max + 1 (if max < PV_ARG_WORD_MAX) */
    pv_word_t min, max; /* numbers: the accepted range */
    pv_word_t valid;    /* numbers and values: what the call is made with when another
                           argument is under test */
};

struct pv_hcall_contract {
    const char *name; /* the C API's name without "pv_"; 0 = no such call */
    uint8_t who;      /* PV_WHO_* */
    uint8_t nargs;
    struct pv_arg_contract args[5];
};

/* Shorthands for the table below. */
#define PV_A_IN(len_arg, size, flags)                                                              \
    {                                                                                              \
        PV_ARG_IN, (flags), (len_arg), 0, (size), 0, 0, 0, 0, 0                                    \
    }
#define PV_A_OUT(len_arg, size, flags)                                                             \
    {                                                                                              \
        PV_ARG_OUT, (flags), (len_arg), 0, (size), 0, 0, 0, 0, 0                                   \
    }
#define PV_A_NUM(min, max, below, above, valid, flags)                                             \
    {                                                                                              \
        PV_ARG_NUMBER, (flags), 0, 0, 0, (below), (above), (min), (max), (valid)                   \
    }
#define PV_A_VALUE(valid)                                                                          \
    {                                                                                              \
        PV_ARG_VALUE, 0, 0, 0, 0, 0, 0, 0, 0, (valid)                                              \
    }
#define PV_A_KIND(kind)                                                                            \
    {                                                                                              \
        (kind), 0, 0, 0, 0, 0, 0, 0, 0, 0                                                          \
    }

static const struct pv_hcall_contract pv_hcall_contracts[PV_HC_COUNT] = {
    [PV_HC_CONSOLE_WRITE] = {"console_write",
                             PV_WHO_ANY,
                             2,
                             {PV_A_IN(1, 1, 0),
                              PV_A_NUM(0, PV_CONSOLE_WRITE_MAX, 0, PV_ERANGE, 2, 0)}},
    [PV_HC_TIME_GET] = {"time_get", PV_WHO_ANY, 1, {PV_A_OUT(PV_ARG_FIXED, sizeof(uint64_t), 0)}},
    [PV_HC_IDLE] = {"idle", PV_WHO_ANY, 0, {{0}}},
    [PV_HC_HALT_SELF] = {"halt_self", PV_WHO_ANY, 0, {{0}}},
    [PV_HC_UPCALL_SET] = {"upcall_set",
                          PV_WHO_ANY,
                          1,
                          {{PV_ARG_CODE, PV_ARG_NULL_OK, PV_ARG_FIXED, 0, 1, 0, 0, 0, 0, 0}}},
    [PV_HC_UPCALL_RETURN] = {"upcall_return",
                             PV_WHO_ANY,
                             1,
                             {PV_A_IN(PV_ARG_FIXED, 0, PV_ARG_ARCH_SIZE | PV_ARG_NO_VALID)}},
    [PV_HC_IRQ_SYNC] = {"irq_sync", PV_WHO_ANY, 0, {{0}}},
    /* deadline <= 2^63 - 1, period in [1000, 2^62 - 1] or 0; a period
     * needs a deadline (valid: 2^32 ns). 32-bit words: deadline = lo | hi
     * << 32, the same for the period. */
    [PV_HC_TIMER_SET] = {"timer_set",
                         PV_WHO_ANY,
                         1 + 2 * PV_U64_WORDS,
                         {PV_A_NUM(0, PV_CLOCK_EXEC, 0, PV_EINVAL, PV_CLOCK_WALL, 0),
#if PV_U64_WORDS == 1
                          PV_A_NUM(0, 0x7fffffffffffffffu, 0, PV_EINVAL, (pv_word_t)1 << 32, 0),
                          PV_A_NUM(PV_TIMER_MIN_PERIOD_NS, 0x3fffffffffffffffu, PV_EINVAL,
                                   PV_EINVAL, 0, PV_ARG_ZERO_OK)
#else
                          PV_A_VALUE(0), PV_A_NUM(0, 0x7fffffffu, 0, PV_EINVAL, 1, 0),
                          PV_A_NUM(PV_TIMER_MIN_PERIOD_NS, 0xffffffffu, PV_EINVAL, 0, 0,
                                   PV_ARG_ZERO_OK),
                          PV_A_NUM(0, 0x3fffffffu, 0, PV_EINVAL, 0, 0)
#endif
                         }},
    [PV_HC_RESTART_SELF] = {"restart_self", PV_WHO_ANY, 0, {{0}}},
    [PV_HC_PART_STATUS] = {"partition_status",
                           PV_WHO_ANY,
                           2,
                           {PV_A_VALUE(PV_PART_SELF),
                            PV_A_OUT(PV_ARG_FIXED, sizeof(struct pv_partition_status), 0)}},
    [PV_HC_PART_CONTROL] = {"partition_control",
                            PV_WHO_SYSTEM,
                            2,
                            {PV_A_KIND(PV_ARG_PEER),
                             PV_A_NUM(0, PV_PART_RESTART, 0, PV_EINVAL, PV_PART_RESTART, 0)}},
    [PV_HC_CONSOLE_READ] = {"console_read",
                            PV_WHO_CONSOLE,
                            2,
                            {PV_A_OUT(1, 1, 0),
                             PV_A_NUM(0, PV_CONSOLE_WRITE_MAX, 0, PV_ERANGE, 2, 0)}},
    [PV_HC_PORT_OPEN] = {"port_open",
                         PV_WHO_ANY,
                         2,
                         {PV_A_IN(1, 1, 0),
                          PV_A_NUM(1, PV_PORT_NAME_MAX, PV_EINVAL, PV_EINVAL, 2, 0)}},
    [PV_HC_PORT_WRITE] = {"port_write",
                          PV_WHO_ANY,
                          3,
                          {PV_A_KIND(PV_ARG_PORT_SRC), PV_A_IN(2, 1, 0),
                           PV_A_NUM(1, 0, PV_EINVAL, PV_ERANGE, 2, PV_ARG_PORT_MAX)}},
    /* The kernel writes the message's length into buf: the tests make the
     * waiting message exactly size (.valid) bytes long. */
    [PV_HC_PORT_READ] = {"port_read",
                         PV_WHO_ANY,
                         4,
                         {PV_A_KIND(PV_ARG_PORT_DST), PV_A_OUT(2, 1, 0),
                          PV_A_NUM(2, PV_ARG_WORD_MAX, PV_ERANGE, 0, 2, 0),
                          PV_A_OUT(PV_ARG_FIXED, sizeof(struct pv_port_message_info),
                                   PV_ARG_NULL_OK)}},
    [PV_HC_PORT_STATUS] = {"port_status",
                           PV_WHO_ANY,
                           2,
                           {PV_A_KIND(PV_ARG_PORT_SRC),
                            PV_A_OUT(PV_ARG_FIXED, sizeof(struct pv_port_status), 0)}},
    [PV_HC_PORT_CLEAR] = {"port_clear", PV_WHO_ANY, 1, {PV_A_KIND(PV_ARG_PORT_DST)}},
    [PV_HC_PLAN_SWITCH] = {"plan_switch", PV_WHO_SYSTEM, 1, {PV_A_VALUE(0)}},
    [PV_HC_MODE_SET] = {"mode_set",
                        PV_WHO_ANY,
                        1,
                        {PV_A_NUM(0, PV_MODE_NORMAL, 0, PV_EINVAL, PV_MODE_NORMAL, 0)}},
    /* The errors a guest may raise are 7..10; the tests' systems log them. */
    [PV_HC_HM_RAISE] = {"hm_raise",
                        PV_WHO_ANY,
                        2,
                        {PV_A_NUM(PV_HM_STACK_OVERFLOW, PV_HM_FATAL_ERROR, PV_EINVAL, PV_EINVAL,
                                  PV_HM_APPLICATION_ERROR, 0),
                         PV_A_VALUE(0)}},
    [PV_HC_HM_LOG_READ] = {"hm_log_read",
                           PV_WHO_SYSTEM,
                           4,
                           {PV_A_VALUE(0), PV_A_OUT(2, sizeof(struct pv_hm_entry), 0),
                            PV_A_NUM(0, 64, 0, 0, 1, PV_ARG_CLAMP),
                            PV_A_OUT(PV_ARG_FIXED, sizeof(struct pv_hm_log_status),
                                     PV_ARG_NULL_OK)}},
    /* b is one 64-bit value: PV_U64_WORDS words (pv/hcall_words.h). */
    [PV_HC_TRACE_EVENT] = {"trace_event",
                           PV_WHO_ANY,
                           2 + PV_U64_WORDS,
                           {PV_A_NUM(PV_TRACE_GUEST_FIRST, PV_TRACE_GUEST_LAST, PV_EINVAL,
                                     PV_EINVAL, PV_TRACE_USER, 0),
                            PV_A_VALUE(0), PV_A_VALUE(0), PV_A_VALUE(0)}},
    [PV_HC_TRACE_READ] = {"trace_read",
                          PV_WHO_SYSTEM,
                          4,
                          {PV_A_VALUE(0), PV_A_OUT(2, sizeof(struct pv_trace_record), 0),
                           PV_A_NUM(0, PV_TRACE_READ_MAX, 0, 0, 1, PV_ARG_CLAMP),
                           PV_A_OUT(PV_ARG_FIXED, sizeof(struct pv_trace_status), PV_ARG_NULL_OK)}},
};

#endif
