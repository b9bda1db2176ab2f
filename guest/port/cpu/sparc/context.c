/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread contexts on SPARC V8, in user mode (nothing here needs privilege).
 * A thread's state between switches is its register windows, all flushed
 * to its own stack (`ta 3`, which the kernel serves), plus the two registers
 * that find them again: the frame pointer and return address of its call
 * to port_context_switch. FP threads also keep %f0-%f31 and %fsr: the SPARC
 * ABI makes them caller-saved, but a switch at the end of an interrupt
 * happens in the middle of the interrupted thread's code.
 *
 * As on x86, the context sits at the bottom of the stack area and a new
 * thread's first window is built inside it, not at the stack's top: a
 * thread restarting itself calls port_context_init() on its own stack.
 */
#include <port.h>

#include <stddef.h>
#include <string.h>

#include "context.h"

/* The window save area, the shortest frame and newlib's printf. */
#define MIN_USABLE_STACK 4096u
/* A frame for the thread's first function: 64 bytes of window save area,
 * the hidden struct-return word and six argument words, 8-aligned. */
#define FIRST_FRAME   96u
#define STACK_PATTERN 0x5a7c3e19u

_Static_assert(offsetof(struct port_context, fp) == CTX_FP, "context.S CTX_FP");
_Static_assert(offsetof(struct port_context, ret) == CTX_RET, "context.S CTX_RET");
_Static_assert(offsetof(struct port_context, fpu) == CTX_FPU, "context.S CTX_FPU");
_Static_assert(offsetof(struct port_context, fsr) == CTX_FSR, "context.S CTX_FSR");
_Static_assert(offsetof(struct port_context, f) == CTX_F, "context.S CTX_F");

void cpu_context_first(void);

struct port_context *port_context_init(void *stack_area, size_t stack_size, bool fp,
                                       void (*entry)(void))
{
    uintptr_t bottom = ((uintptr_t)stack_area + 7u) & ~(uintptr_t)7u;
    uintptr_t top = ((uintptr_t)stack_area + stack_size) & ~(uintptr_t)7u;
    struct port_context *ctx = (struct port_context *)bottom;

    if (stack_area == NULL || top < bottom || top - bottom < sizeof(*ctx) + MIN_USABLE_STACK) {
        return NULL;
    }
    memset(ctx->first_window, 0, sizeof(ctx->first_window));
    /* Loaded by the window underflow of the first switch's `restore`:
     * %l0 = entry, %l1 = the stack pointer to run it on. */
    ctx->first_window[0] = (uint32_t)(uintptr_t)entry;
    ctx->first_window[1] = (uint32_t)(top - FIRST_FRAME);
    ctx->fp = (uint32_t)(uintptr_t)ctx->first_window;
    /* The switch returns to ret + 8, like any SPARC return. */
    ctx->ret = (uint32_t)(uintptr_t)cpu_context_first - 8u;
    ctx->fpu = fp ? 1u : 0u;
    /* Round to nearest, no FP traps enabled, every register zero. */
    ctx->fsr = 0;
    memset(ctx->f, 0, sizeof(ctx->f));
#ifdef CPU_STACK_GUARD
    for (unsigned i = 0; i < 4; i++) {
        ctx->guard[i] = STACK_PATTERN;
    }
#endif
    return ctx;
}

#ifdef CPU_STACK_GUARD
/* The outgoing thread stayed inside its stack: its frame is above the
 * guard and the guard's first and last words are intact. */
static void check_guard(struct port_context *from, struct port_context *to)
{
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);

    if (sp < (uintptr_t)(from->guard + 4) || from->guard[0] != STACK_PATTERN ||
        from->guard[3] != STACK_PATTERN) {
        cpu_stack_overflow(from, to);
    }
}
#endif

void port_context_switch(struct port_context *from, struct port_context *to)
{
#ifdef CPU_STACK_GUARD
    check_guard(from, to);
#endif
    cpu_context_switch(from, to);
}

noreturn void port_context_start(struct port_context *to)
{
    cpu_context_restore(to);
}
