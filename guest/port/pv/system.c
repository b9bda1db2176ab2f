/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The pv port's start, console, clock, idle, heap and ways out: each a thin
 * use of the para-virtualization API. A fatal error is reported to the
 * health monitor before the partition halts.
 */
#include <port.h>
#include <pv/pv.h>
#include <rtems/fatal.h>

#include "pvport.h"

/* From the partition's linker script: the heap runs from the end of the
 * image to the end of the data area. */
extern char __heap_start[], __heap_end[];

/* The interface version this port was built for. Only the test of the
 * check (tests/tests.mk, rtems-abi) builds it for another. */
#ifndef PV_PORT_ABI_VERSION
#define PV_PORT_ABI_VERSION PV_ABI_VERSION
#endif

static void put_decimal(uint32_t v);

/* A kernel of another ABI version may number hypercalls or lay out
 * structures differently: stop before using any of it. Only console_write
 * and halt_self are the same in every version (docs/pv-api.md). */
static void abi_check(void)
{
    static const char mismatch[] = "pv port: ABI version mismatch: kernel ";
    static const char built[] = ", partition built for ";
    static const char halted[] = "; halted\n";
    uint32_t kernel = pv_shared()->abi_version;

    if (kernel == PV_PORT_ABI_VERSION) {
        return;
    }
    pv_console_write(mismatch, sizeof(mismatch) - 1);
    put_decimal(kernel);
    pv_console_write(built, sizeof(built) - 1);
    put_decimal(PV_PORT_ABI_VERSION);
    pv_console_write(halted, sizeof(halted) - 1);
    pv_halt_self();
}

/* Entry from pv/arch/<arch>/start.S, on the boot stack. */
noreturn void pv_main(uint32_t id)
{
    (void)id;
    abi_check();
    pvport_hm_reset();
    pvport_irq_reset();
    if (pv_upcall_set(pv_upcall_entry) != PV_OK) {
        pvport_panic("the kernel refused the upcall entry");
    }
    /* Interrupts stay disabled until the executive starts multitasking. */
    pv_irq_disable();
    /* Errors the health monitor propagates: hm.c. */
    pv_irq_unmask_line(PV_IRQ_HM);
    exec_boot();
}

void port_console_write(const char *buf, size_t len)
{
    while (len) {
        uint32_t n = len > PV_CONSOLE_WRITE_MAX ? PV_CONSOLE_WRITE_MAX : (uint32_t)len;
        int32_t took = pv_console_write(buf, n);

        /* The kernel may take less than all: write the rest next. */
        if (took <= 0) {
            return;
        }
        buf += took;
        len -= (uint32_t)took;
    }
}

uint64_t port_clock_monotonic_ns(void)
{
    return pv_clock_ns();
}

void port_idle(void)
{
    pv_idle();
}

void port_heap_area(uintptr_t *begin, uintptr_t *end)
{
    *begin = (uintptr_t)__heap_start;
    *end = (uintptr_t)__heap_end;
}

static void put_decimal(uint32_t v)
{
    char text[11];
    int i = sizeof(text);

    do {
        text[--i] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v && i > 0);
    pv_console_write(&text[i], (uint32_t)(sizeof(text) - i));
}

noreturn void port_halt(uint32_t source, uint32_t code)
{
    static const char fatal[] = "fatal error, source ";
    static const char code_is[] = ", code ";

    pv_irq_disable();
    if (source != RTEMS_FATAL_SOURCE_EXIT || code != 0) {
        pv_console_write(fatal, sizeof(fatal) - 1);
        put_decimal(source);
        pv_console_write(code_is, sizeof(code_is) - 1);
        put_decimal(code);
        pv_console_write("\n", 1);
    }
    /* exit() and rtems_shutdown_executive() end the partition normally;
     * anything else is a fatal error for the health monitor, and whatever
     * its action, the partition does not go on. */
    if (source != RTEMS_FATAL_SOURCE_EXIT) {
        pvport_hm_fatal(code);
    }
    pv_halt_self();
}

noreturn void pvport_panic(const char *why)
{
    size_t n = 0;

    while (why[n]) {
        n++;
    }
    pv_console_write("pv port: ", 9);
    pv_console_write(why, (uint32_t)n);
    pv_console_write("\n", 1);
    pvport_hm_fatal(0);
    pv_halt_self();
}
