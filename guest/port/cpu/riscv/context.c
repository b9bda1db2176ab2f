/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread contexts on RISC-V 64, for every port (nothing here needs
 * privilege). As on x86 and SPARC the context sits at the bottom of the
 * stack area: a thread restarting itself calls port_context_init() on its
 * own stack, whose top still holds live frames, while its bottom is the
 * part least likely to be in use. A new thread needs no frame built on its
 * stack: its first switch loads ra = cpu_context_first and the entry in s1
 * (and, for an FP thread, its zeroed FP registers).
 */
#include <port.h>

#include <stddef.h>
#include <string.h>

#include "context.h"

/* An upcall frame (272 bytes) + newlib's printf + a margin. */
#define MIN_USABLE_STACK 4096u

_Static_assert(offsetof(struct port_context, ra) == CTX_RA, "context.S CTX_RA");
_Static_assert(offsetof(struct port_context, sp) == CTX_SP, "context.S CTX_SP");
_Static_assert(offsetof(struct port_context, s) == CTX_S, "context.S CTX_S");
_Static_assert(offsetof(struct port_context, fp) == CTX_FP, "context.S CTX_FP");
_Static_assert(offsetof(struct port_context, fcsr) == CTX_FCSR, "context.S CTX_FCSR");
_Static_assert(offsetof(struct port_context, f) == CTX_F, "context.S CTX_F");
#ifdef CPU_STACK_GUARD
_Static_assert(offsetof(struct port_context, guard) == CTX_GUARD, "context.S CTX_GUARD");
#endif

struct port_context *port_context_init(void *stack_area, size_t stack_size, bool fp,
                                       void (*entry)(void))
{
    /* The psABI keeps sp 16-byte aligned. */
    uintptr_t bottom = ((uintptr_t)stack_area + 15u) & ~(uintptr_t)15u;
    uintptr_t top = ((uintptr_t)stack_area + stack_size) & ~(uintptr_t)15u;
    struct port_context *ctx = (struct port_context *)bottom;

    if (stack_area == NULL || top < bottom || top - bottom < sizeof(*ctx) + MIN_USABLE_STACK) {
        return NULL;
    }
    memset(ctx, 0, sizeof(*ctx));
    ctx->ra = (uint64_t)(uintptr_t)cpu_context_first;
    ctx->sp = (uint64_t)top;
    ctx->s[1] = (uint64_t)(uintptr_t)entry;
    /* An FP thread starts with f0-f31 zero and fcsr 0 (round to nearest,
     * no flags): the memset above; nothing of another thread's state. */
    ctx->fp = fp ? 1u : 0u;
#ifdef CPU_STACK_GUARD
    for (unsigned i = 0; i < 4; i++) {
        ctx->guard[i] = STACK_PATTERN;
    }
#endif
    return ctx;
}
