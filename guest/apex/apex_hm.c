/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 health-monitoring services on the kernel's health monitor.
 *
 * RAISE_APPLICATION_ERROR reports PV_HM_APPLICATION_ERROR; the partition's
 * health-monitor table decides what follows. When the action is
 * "propagate" the error comes back through <tessera/hm.h>: the interrupt
 * handler below queues it and activates the error handler task that
 * CREATE_ERROR_HANDLER made, which reads it with GET_ERROR_STATUS. An
 * exception of a task is propagated the same way; the pv port suspends the
 * faulting task.
 *
 * An error the error handler cannot take goes to the partition level, as
 * ARINC 653 says: one raised or caused by the handler itself, or any once
 * the partition is NORMAL without a handler. The partition level is the
 * kernel's: the error's unhandled="..." action in the partition's table
 * (ARINC 653's partition HM table, per error), or, where the table gives
 * none, the configuration's action for fatal-error: the partition stops
 * with PV_HM_FATAL_ERROR, detail = the error's id (halt by default; the
 * table may restart it cold or warm).
 */
#include <rtems.h>
#include <rtems/bspIo.h>
#include <string.h>
#include <tessera/hm.h>

#include "apex_impl.h"

/* The error handler task and its ENTRY_POINT. */
static rtems_id handler_task;
static void (*handler_entry)(void);

/* Errors not yet read by GET_ERROR_STATUS, oldest first. */
static ERROR_STATUS_TYPE pending[APEX_MAX_PENDING_ERRORS];
static unsigned pending_first, pending_count, taken;

/* The message of the last RAISE_APPLICATION_ERROR, until it comes back. */
static struct {
    bool valid;
    rtems_id task;
    ERROR_MESSAGE_SIZE_TYPE length;
    APEX_BYTE text[MAX_ERROR_MESSAGE_SIZE];
} raised;

/* The ARINC 653 error code of each kernel error id (docs/compatibility.md). */
static ERROR_CODE_TYPE error_code(uint32_t pv)
{
    switch (pv) {
    case PV_HM_MEMORY_VIOLATION:
        return MEMORY_VIOLATION;
    case PV_HM_PRIVILEGED_INSTRUCTION:
    case PV_HM_ILLEGAL_INSTRUCTION:
    case PV_HM_HYPERCALL_MISUSE:
    case PV_HM_PORT_OVERFLOW:
        return ILLEGAL_REQUEST;
    case PV_HM_DIVIDE_ERROR:
    case PV_HM_FPU_ERROR:
        return NUMERIC_ERROR;
    case PV_HM_STACK_OVERFLOW:
        return STACK_OVERFLOW;
    case PV_HM_DEADLINE_MISSED:
        return DEADLINE_MISSED;
    case PV_HM_APPLICATION_ERROR:
        return APPLICATION_ERROR;
    default: /* misaligned access, and ids the guest never sees propagated */
        return HARDWARE_FAULT;
    }
}

static const char *const error_names[PV_HM_ERROR_COUNT] = PV_HM_ERROR_NAMES;

/* "NAME detail=0xXXXXXXXX": the message of an error the kernel found, the
 * detail a whole word in hex (8 digits on a 32-bit arch, 16 on a 64-bit
 * one: an address arrives whole). Interrupt context: no stdio. */
static ERROR_MESSAGE_SIZE_TYPE describe(APEX_BYTE *out, uint32_t error, uintptr_t detail)
{
    static const char hex[] = "0123456789abcdef", sep[] = " detail=0x";
    const char *name = error < PV_HM_ERROR_COUNT ? error_names[error] : "unknown";
    ERROR_MESSAGE_SIZE_TYPE n = 0;

    while (*name) {
        out[n++] = (APEX_BYTE)*name++;
    }
    for (const char *p = sep; *p; p++) {
        out[n++] = (APEX_BYTE)*p;
    }
    for (int shift = (int)sizeof(detail) * 8 - 4; shift >= 0; shift -= 4) {
        out[n++] = (APEX_BYTE)hex[(detail >> shift) & 0xfu];
    }
    return n;
}

/* Whether e is the error handler's own error: an exception of it, or what
 * it raised or caused by a hypercall (the error arrives while it runs). A
 * missed deadline is the process's its detail names, whoever runs. */
static bool handler_own(const struct tessera_hm_error *e)
{
    return e->task == handler_task && e->error != PV_HM_DEADLINE_MISSED;
}

/* <tessera/hm.h> handler: interrupt context. */
static void on_error(const struct tessera_hm_error *e)
{
    ERROR_STATUS_TYPE *x;

    if (handler_task == 0 || handler_own(e)) {
        /* Halt and the restarts do not return; ignore and log let the
         * partition carry on (an exception's task stays suspended). */
        if (tessera_hm_unhandled(e) != RTEMS_SUCCESSFUL) {
            rtems_fatal(e->sync ? RTEMS_FATAL_SOURCE_EXCEPTION : RTEMS_FATAL_SOURCE_APPLICATION,
                        e->error);
        }
        return;
    }
    if (pending_count == APEX_MAX_PENDING_ERRORS) {
        return; /* the handler is behind: the newest are dropped */
    }
    x = &pending[(pending_first + pending_count++) % APEX_MAX_PENDING_ERRORS];
    memset(x, 0, sizeof(*x));
    x->ERROR_CODE = error_code(e->error);
    x->FAILED_PROCESS_ID = (PROCESS_ID_TYPE)e->task;
    /* A process's missed deadline names the process (apex_time.c). */
    if (e->error == PV_HM_DEADLINE_MISSED && apex_process_get((PROCESS_ID_TYPE)e->detail)) {
        x->FAILED_PROCESS_ID = (PROCESS_ID_TYPE)e->detail;
    }
    x->FAILED_ADDRESS = (SYSTEM_ADDRESS_TYPE)e->pc;
    if (e->error == PV_HM_APPLICATION_ERROR && raised.valid && raised.task == e->detail) {
        x->FAILED_PROCESS_ID = (PROCESS_ID_TYPE)raised.task;
        x->LENGTH = raised.length;
        memcpy(x->MESSAGE, raised.text, (size_t)raised.length);
        raised.valid = false;
    } else {
        x->LENGTH = describe(x->MESSAGE, e->error, e->detail);
    }
    (void)rtems_event_send(handler_task, APEX_RTEMS_HM_EVENT);
}

/* The error handler task: ENTRY_POINT once per activation while errors
 * wait, again as long as it reads some (an ENTRY_POINT that returns is an
 * error handler that stopped itself). */
static rtems_task handler_body(rtems_task_argument arg)
{
    (void)arg;
    for (;;) {
        rtems_event_set got;
        unsigned before;

        /* Errors may be waiting already when STOP_SELF restarted it. */
        if (pending_count == 0) {
            (void)rtems_event_receive(APEX_RTEMS_HM_EVENT, RTEMS_WAIT | RTEMS_EVENT_ANY,
                                      RTEMS_NO_TIMEOUT, &got);
        }
        do {
            before = taken;
            if (pending_count == 0) {
                break;
            }
            handler_entry();
        } while (taken != before);
    }
}

void apex_hm_reset(void)
{
    tessera_hm_handler old;

    handler_task = 0;
    handler_entry = NULL;
    pending_first = pending_count = taken = 0;
    raised.valid = false;
    /* The pv port kept its handler too: until CREATE_ERROR_HANDLER or
     * NORMAL, propagated errors get the port's default handling. */
    old = tessera_hm_handler_set(NULL);
    if (old != on_error) {
        (void)tessera_hm_handler_set(old);
    }
}

void apex_hm_normal(void)
{
    tessera_hm_handler old;

    /* Without an error handler, a propagated error goes to the partition
     * level (on_error); a handler the application installed stays. */
    if (handler_task == 0) {
        old = tessera_hm_handler_set(on_error);
        if (old != NULL) {
            (void)tessera_hm_handler_set(old);
        }
    }
}

rtems_id apex_error_handler_task(void)
{
    return handler_task;
}

_Noreturn void apex_error_handler_stop_self(void)
{
    (void)rtems_task_restart(handler_task, 0);
    rtems_task_exit(); /* not reached: the restart does not return */
}

void CREATE_ERROR_HANDLER(SYSTEM_ADDRESS_TYPE ENTRY_POINT, STACK_SIZE_TYPE STACK_SIZE,
                          RETURN_CODE_TYPE *RETURN_CODE)
{
    rtems_id id;

    apex_start_check();
    if (handler_task != 0) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    if (ENTRY_POINT == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    /* ARINC 653: only while the partition initialises. */
    if (!apex_initialising()) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (rtems_task_create(rtems_build_name('E', 'R', 'R', 'H'), RTEMS_MINIMUM_PRIORITY, STACK_SIZE,
                          RTEMS_PREEMPT | RTEMS_NO_TIMESLICE | RTEMS_INTERRUPT_LEVEL(0),
                          RTEMS_DEFAULT_ATTRIBUTES, &id) != RTEMS_SUCCESSFUL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    handler_entry = (void (*)(void))ENTRY_POINT;
    handler_task = id;
    if (rtems_task_start(id, handler_body, 0) != RTEMS_SUCCESSFUL) {
        (void)rtems_task_delete(id);
        handler_task = 0;
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    (void)tessera_hm_handler_set(on_error);
    *RETURN_CODE = NO_ERROR;
}

void GET_ERROR_STATUS(ERROR_STATUS_TYPE *ERROR_STATUS, RETURN_CODE_TYPE *RETURN_CODE)
{
    rtems_interrupt_level level;

    if (handler_task == 0 || rtems_task_self() != handler_task) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    rtems_interrupt_local_disable(level);
    if (pending_count == 0) {
        rtems_interrupt_local_enable(level);
        *RETURN_CODE = NO_ACTION;
        return;
    }
    *ERROR_STATUS = pending[pending_first];
    pending_first = (pending_first + 1) % APEX_MAX_PENDING_ERRORS;
    pending_count--;
    taken++;
    rtems_interrupt_local_enable(level);
    *RETURN_CODE = NO_ERROR;
}

void RAISE_APPLICATION_ERROR(ERROR_CODE_TYPE ERROR_CODE, MESSAGE_ADDR_TYPE MESSAGE_ADDR,
                             ERROR_MESSAGE_SIZE_TYPE LENGTH, RETURN_CODE_TYPE *RETURN_CODE)
{
    rtems_interrupt_level level;
    rtems_id self = rtems_task_self();
    int32_t r;

    if (ERROR_CODE != APPLICATION_ERROR || LENGTH < 0 || LENGTH > MAX_ERROR_MESSAGE_SIZE ||
        (LENGTH > 0 && MESSAGE_ADDR == NULL)) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    /* The message stays here; the kernel hears the raising task's id. If
     * the action is "propagate", the error comes back as soon as
     * interrupts are enabled again and finds its message. */
    rtems_interrupt_local_disable(level);
    raised.valid = true;
    raised.task = self;
    raised.length = LENGTH;
    if (LENGTH > 0) {
        memcpy(raised.text, MESSAGE_ADDR, (size_t)LENGTH);
    }
    r = pv_hm_raise(PV_HM_APPLICATION_ERROR, self);
    rtems_interrupt_local_enable(level);
    *RETURN_CODE = r == PV_OK ? NO_ERROR : INVALID_PARAM;
}

void REPORT_APPLICATION_MESSAGE(MESSAGE_ADDR_TYPE MESSAGE_ADDR, MESSAGE_SIZE_TYPE LENGTH,
                                RETURN_CODE_TYPE *RETURN_CODE)
{
    char text[MAX_ERROR_MESSAGE_SIZE + 1];

    if (LENGTH < 0 || LENGTH > MAX_ERROR_MESSAGE_SIZE || (LENGTH > 0 && MESSAGE_ADDR == NULL)) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    /* The kernel's health monitor keeps error ids, not text: the message
     * goes to the partition's console, which the system integrator sees. */
    if (LENGTH > 0) {
        memcpy(text, MESSAGE_ADDR, (size_t)LENGTH);
    }
    text[LENGTH] = '\0';
    printk("apex: application message from 0x%08x: %s\n", (unsigned)rtems_task_self(), text);
    *RETURN_CODE = NO_ERROR;
}
