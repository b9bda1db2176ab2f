/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread contexts on x86, for every port (nothing here needs privilege).
 * The context sits at the *bottom* of the
 * stack area, and a new thread's first frame is built inside the context
 * rather than on the stack: a thread restarting itself calls
 * port_context_init() on its own stack, whose top still holds live frames,
 * while its bottom is the part least likely to be in use.
 */
#include <port.h>
#include <rtems/fatal.h>

#include <stddef.h>
#include <string.h>

#define FXSAVE_SIZE 512u
/* Interrupt frame + newlib printf + a margin; see port_limits.h. */
#define MIN_USABLE_STACK 2048u
/* EFLAGS of a new thread: IF clear (the contract), bit 1 is reserved-one. */
#define FIRST_EFLAGS 0x00000002u
/* CPU_STACK_GUARD (the pv port's build defines it): the words of the guard
 * below each thread's usable stack; context.S has the same value. */
#define STACK_PATTERN 0x5a7c3e19u

/* Offsets are shared with context.S. */
struct port_context {
    uint32_t esp;
    uint32_t fp;
    uint32_t reserved[2];
    /* Popped by the first switch to the thread: edi, esi (entry), ebx
     * (stack top), ebp, eflags, return address. */
    uint32_t first_frame[8];
    uint8_t fxsave[FXSAVE_SIZE] __attribute__((aligned(16)));
#ifdef CPU_STACK_GUARD
    /* Just below the usable stack: a thread that ran past the end of its
     * stack overwrote it. port_context_switch checks it (context.S). */
    uint32_t guard[4];
#endif
};

_Static_assert(offsetof(struct port_context, fp) == 4, "context.S CTX_FP");
_Static_assert(offsetof(struct port_context, fxsave) == 48, "context.S CTX_FXSAVE");
#ifdef CPU_STACK_GUARD
_Static_assert(offsetof(struct port_context, guard) == 560, "context.S CTX_GUARD");
#endif

void cpu_context_first(void);

/* The FPU right after fninit: the state a new FP thread starts with. */
static uint8_t fp_initial[FXSAVE_SIZE] __attribute__((aligned(16)));

/* Captures the FPU's state right after fninit, once, when the first FP
 * thread is created. fninit and fxsave need no privilege. */
static void capture_fp_initial(void)
{
    static bool captured;

    if (!captured) {
        __asm__ volatile("fninit\n\tfxsave %0" : "=m"(fp_initial));
        captured = true;
    }
}

struct port_context *port_context_init(void *stack_area, size_t stack_size, bool fp,
                                       void (*entry)(void))
{
    uintptr_t bottom = ((uintptr_t)stack_area + 15u) & ~(uintptr_t)15u;
    uintptr_t top = ((uintptr_t)stack_area + stack_size) & ~(uintptr_t)15u;
    struct port_context *ctx = (struct port_context *)bottom;
    uint32_t *frame = ctx->first_frame;

    if (stack_area == NULL || top < bottom || top - bottom < sizeof(*ctx) + MIN_USABLE_STACK) {
        return NULL;
    }
    frame[0] = 0;
    frame[1] = (uint32_t)(uintptr_t)entry;
    frame[2] = (uint32_t)top;
    frame[3] = 0;
    frame[4] = FIRST_EFLAGS;
    frame[5] = (uint32_t)(uintptr_t)cpu_context_first;
#ifdef CPU_STACK_GUARD
    for (unsigned i = 0; i < 4; i++) {
        ctx->guard[i] = STACK_PATTERN;
    }
#endif
    ctx->esp = (uint32_t)(uintptr_t)frame;
    ctx->fp = fp ? 1u : 0u;
    if (fp) {
        capture_fp_initial();
        memcpy(ctx->fxsave, fp_initial, sizeof(ctx->fxsave));
    }
    return ctx;
}
