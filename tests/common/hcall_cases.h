/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Hypercall argument cases generated from the argument contract
 * (pv/include/pv/hcall_args.h): for every pointer argument of every call
 * each bad class, for every bounded number its bounds and one past them,
 * with the result docs/pv-api.md promises. The host unit test and the
 * system test partition run the same cases, each with its own way of
 * calling the kernel and of watching memory.
 */
#ifndef HCALL_CASES_H
#define HCALL_CASES_H

#include <stdint.h>
#include <pv/word.h>

/* An address no call may use, with the name of its class. */
struct hc_bad_address {
    pv_word_t va;
    const char *what;
};

/* The caller's address space, as the cases need it. Areas are [va, va +
 * size). Addresses and numbers are register words (pv_word_t). */
struct hc_env {
    pv_word_t buf, buf_size;   /* own read-write area, not executable where the arch can say */
    pv_word_t ro, ro_size;     /* own area with r, without w */
    pv_word_t code, code_size; /* own area with x */
    pv_word_t kernel;          /* an address of the kernel's */
    pv_word_t peer;            /* an area of another partition, none of the caller's */
    pv_word_t control;         /* the control page, PV_SHARED_VA */
    uint32_t insn_align;       /* code addresses are multiples of it */
    uint32_t frame_size;       /* sizeof(struct pv_upcall_frame) */
    uint32_t peer_id;          /* PV_ARG_PEER */
    uint32_t port_src, port_dst, port_max;
    int skip_arch; /* arguments the arch binding checks (PV_ARG_ARCH_SIZE) are left out */
    /* More bad classes of the arch's address space, tried for every pointer
     * argument (rv64: Sv39's non-canonical addresses, the kernel's half). */
    const struct hc_bad_address *arch_bad;
    unsigned num_arch_bad;
};

/* The result may be any success or a state error, but no argument error
 * (PV_EFAULT, PV_EINVAL, PV_ERANGE, PV_EPERM, PV_ENOSYS). */
#define HC_ACCEPTED 1

struct hc_case {
    pv_word_t nr;
    pv_word_t args[5];
    int32_t expect;     /* the exact result, or HC_ACCEPTED */
    pv_word_t write_va; /* the call may write [write_va, write_va + write_len) */
    pv_word_t write_len;
    const char *call; /* the contract's name */
    unsigned arg;     /* the argument under test */
    const char *what; /* the class: "NULL", "at max", ... */
};

/* Whether result meets c's expectation. */
int hc_result_ok(const struct hc_case *c, int32_t result);

/* Calls run once per case of call nr (all calls: nr = HC_ALL); returns the
 * number of cases. Where registers are wider than 32 bits, each call also
 * gets the cases a kernel that cut them to 32 bits would get wrong: its
 * number 4 GiB up, every pointer 4 GiB above a valid one, every bounded
 * number 4 GiB above its valid value (docs/pv-api.md, "Argument contract"). */
#define HC_ALL 0xffffffffu
unsigned hc_generate(const struct hc_env *env, uint32_t nr,
                     void (*run)(const struct hc_case *c, void *ctx), void *ctx);

#endif
