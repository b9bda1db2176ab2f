/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Host port: runs the executive inside a Linux process for tests. Threads
 * are ucontexts; "interrupts" are simulated: the tick happens when the idle
 * thread runs (one tick per port_idle call), and test code may raise vector
 * interrupts with host_port_raise(). Interrupt masking is a plain variable.
 */
#include "host_port.h"

#include <port.h>
#include <rtems/fatal.h>

#include <stdio.h>
#include <stdlib.h>
#include <ucontext.h>

struct port_context {
    ucontext_t uc;
};

#define HOST_VECTORS     32u
#define MIN_USABLE_STACK (16u * 1024u)
/* Simulated ticks after which a program that never ends is stopped. */
#define DEFAULT_MAX_TICKS 1000000u

static volatile port_isr_level isr_level = 1;
static uint32_t pending_vectors;
static uint32_t attached_vectors;
static bool tick_running;
static uint64_t tick_ns;
static uint64_t now_ns;
static uint64_t ticks_left;
static char heap[1u << 20];

static void deliver_vectors(void)
{
    while (pending_vectors != 0 && isr_level == 0) {
        uint32_t v = 0;

        while ((pending_vectors & (1u << v)) == 0) {
            v++;
        }
        pending_vectors &= ~(1u << v);
        isr_level = 1;
        exec_isr_enter();
        exec_vector_isr(v);
        if (exec_isr_leave()) {
            exec_isr_dispatch();
        }
        isr_level = 0;
    }
}

port_isr_level port_interrupt_disable(void)
{
    port_isr_level previous = isr_level;

    isr_level = 1;
    return previous;
}

void port_interrupt_restore(port_isr_level level)
{
    isr_level = level;
    if (level == 0) {
        deliver_vectors();
    }
}

/* Nothing pending of the port's own: the same function. */
void port_interrupt_enable(port_isr_level level) __attribute__((alias("port_interrupt_restore")));

port_isr_level port_interrupt_level(void)
{
    return isr_level;
}

void host_port_raise(uint32_t vector)
{
    if (vector < HOST_VECTORS && (attached_vectors & (1u << vector)) != 0) {
        pending_vectors |= 1u << vector;
        deliver_vectors();
    }
}

/*
 * getcontext() only fills in a template for makecontext(); it never returns
 * twice here, but keeping it in its own frame keeps the compiler's
 * returns-twice analysis out of port_context_init().
 */
static __attribute__((noinline)) int capture_template(ucontext_t *uc)
{
    return getcontext(uc);
}

struct port_context *port_context_init(void *stack_area, size_t stack_size, bool fp,
                                       void (*entry)(void))
{
    uintptr_t top =
        ((uintptr_t)stack_area + stack_size - sizeof(struct port_context)) & ~(uintptr_t)15;
    struct port_context *ctx = (struct port_context *)top;

    (void)fp; /* the host saves FP state with every context */
    if (stack_area == NULL || stack_size < sizeof(*ctx) + MIN_USABLE_STACK) {
        return NULL;
    }
    if (capture_template(&ctx->uc) != 0) {
        return NULL;
    }
    ctx->uc.uc_stack.ss_sp = stack_area;
    ctx->uc.uc_stack.ss_size = top - (uintptr_t)stack_area;
    ctx->uc.uc_link = NULL;
    makecontext(&ctx->uc, entry, 0);
    return ctx;
}

void port_context_switch(struct port_context *from, struct port_context *to)
{
    if (swapcontext(&from->uc, &to->uc) != 0) {
        port_halt(RTEMS_FATAL_SOURCE_BSP, 2);
    }
}

noreturn void port_context_start(struct port_context *to)
{
    setcontext(&to->uc);
    port_halt(RTEMS_FATAL_SOURCE_BSP, 2);
}

/* No health monitor here: the executive's reports go nowhere. */
void port_error_report(uint32_t error, uint32_t detail)
{
    (void)error;
    (void)detail;
}

void port_idle(void)
{
    port_isr_level level;

    if (!tick_running) {
        fputs("host port: every task is blocked and there is no clock\n", stderr);
        port_halt(RTEMS_FATAL_SOURCE_BSP, 1);
    }
    if (ticks_left-- == 0) {
        fputs("host port: simulated time limit reached\n", stderr);
        port_halt(RTEMS_FATAL_SOURCE_BSP, 3);
    }
    now_ns += tick_ns;
    level = port_interrupt_disable();
    exec_isr_enter();
    exec_tick_isr();
    if (exec_isr_leave()) {
        exec_isr_dispatch();
    }
    port_interrupt_restore(level);
}

void port_tick_start(uint32_t period_us)
{
    const char *limit = getenv("TESSERA_HOST_MAX_TICKS");

    tick_ns = (uint64_t)period_us * 1000u;
    ticks_left = limit != NULL ? strtoull(limit, NULL, 0) : DEFAULT_MAX_TICKS;
    tick_running = true;
}

uint64_t port_clock_monotonic_ns(void)
{
    return now_ns;
}

void port_console_write(const char *buf, size_t len)
{
    /* Through stdio, so printk and printf output keep their order. */
    fwrite(buf, 1, len, stdout);
}

noreturn void port_halt(uint32_t source, uint32_t code)
{
    fflush(stdout);
    if (source == RTEMS_FATAL_SOURCE_EXIT) {
        exit((int)(code & 0xffu));
    }
    fprintf(stderr, "host port: fatal error, source %u, code %u\n", (unsigned)source,
            (unsigned)code);
    exit(128 + (int)(source & 0x3fu));
}

void port_heap_area(uintptr_t *begin, uintptr_t *end)
{
    *begin = (uintptr_t)heap;
    *end = (uintptr_t)heap + sizeof(heap);
}

bool port_vector_attach(uint32_t vector)
{
    if (vector >= HOST_VECTORS) {
        return false;
    }
    attached_vectors |= 1u << vector;
    return true;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    exec_boot();
}
