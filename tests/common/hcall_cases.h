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

/* The caller's address space, as the cases need it. Areas are [va, va + size). */
struct hc_env {
    uint32_t buf, buf_size;   /* own read-write area, not executable where the arch can say */
    uint32_t ro, ro_size;     /* own area with r, without w */
    uint32_t code, code_size; /* own area with x */
    uint32_t kernel;          /* an address of the kernel's */
    uint32_t peer;            /* an area of another partition, none of the caller's */
    uint32_t control;         /* the control page, PV_SHARED_VA */
    uint32_t insn_align;      /* code addresses are multiples of it */
    uint32_t frame_size;      /* sizeof(struct pv_upcall_frame) */
    uint32_t peer_id;         /* PV_ARG_PEER */
    uint32_t port_src, port_dst, port_max;
    int skip_arch; /* arguments the arch binding checks (PV_ARG_ARCH_SIZE) are left out */
};

/* The result may be any success or a state error, but no argument error
 * (PV_EFAULT, PV_EINVAL, PV_ERANGE, PV_EPERM, PV_ENOSYS). */
#define HC_ACCEPTED 1

struct hc_case {
    uint32_t nr;
    uint32_t args[5];
    int32_t expect;    /* the exact result, or HC_ACCEPTED */
    uint32_t write_va; /* the call may write [write_va, write_va + write_len) */
    uint32_t write_len;
    const char *call; /* the contract's name */
    unsigned arg;     /* the argument under test */
    const char *what; /* the class: "NULL", "at max", ... */
};

/* Whether result meets c's expectation. */
int hc_result_ok(const struct hc_case *c, int32_t result);

/* Calls run once per case of call nr (all calls: nr = HC_ALL); returns the
 * number of cases. */
#define HC_ALL 0xffffffffu
unsigned hc_generate(const struct hc_env *env, uint32_t nr,
                     void (*run)(const struct hc_case *c, void *ctx), void *ctx);

#endif
