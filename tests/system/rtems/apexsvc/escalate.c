/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition-level actions per error code (tests/system/test_apex_escalate.py):
 * errors no error handler takes go to the kernel as unhandled, and the
 * partition's table (system apex-escalate) answers each error id with its
 * own action. COLD_START, no error handler: A's application error is
 * ignored (A carries on, the kernel counts it), Z's division by zero is
 * logged (Z stays stopped, the partition carries on), D's missed deadline
 * restarts the partition warm. WARM_START (role PLVW): an error handler
 * serves B's application error, raises one itself (ignored: it carries on)
 * and divides by zero itself (logged: it stays stopped, B carries on); B
 * restarts the partition warm (SET_PARTITION_MODE). Second WARM_START
 * (role PLVX): an error raised before any APEX service meets no handler of
 * the run before (the pv port forgot it: ignored by the kernel); then X's
 * memory violation, without an error handler, halts the partition.
 */
#include <pv/pv.h>
#include <stdio.h>
#include <tessera/hm.h>

#include "svc.h"

static PROCESS_ID_TYPE z, d;
static uint32_t ignored_at_start;

/* Errors the kernel's "ignore" counted since the role began. */
static unsigned ignored(void)
{
    return (unsigned)(pv_shared()->hm_ignored - ignored_at_start);
}

/* Outside every area of the partition. */
static volatile int *volatile nowhere = (volatile int *)0x10;
static volatile int zero;

static void z_body(void)
{
    printf("PLV: Z divides by zero\n");
    zero = 100 / zero;
    printf("PLV: Z survived\n");
}

static void d_body(void)
{
    printf("PLV: D overruns its 5 ms\n");
    spin_ns(MS(30));
    printf("PLV: D survived\n");
}

static void a_body(void)
{
    static APEX_BYTE text[] = "nobody handles";
    PROCESS_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, sizeof(text) - 1, &r);
    rc("a_raise", r);
    printf("PLV: A carried on after its application error, ignored %u\n", ignored());
    START(z, &r); /* Z is more important: it runs and fails now */
    GET_PROCESS_STATUS(z, &st, &r);
    printf("PLV: A carries on after Z's division, Z %s\n",
           st.PROCESS_STATE == DORMANT ? "dormant" : "not dormant");
    START(d, &r);
    printf("PLV: A after D\n");
}

static void handler(void)
{
    static APEX_BYTE own[] = "handler's own";
    ERROR_STATUS_TYPE es;
    RETURN_CODE_TYPE r;
    unsigned before = ignored();

    GET_ERROR_STATUS(&es, &r);
    rc("handler_get_error_status", r);
    printf("PLVW: handler: error %d: '%.*s'\n", (int)es.ERROR_CODE, (int)es.LENGTH,
           (const char *)es.MESSAGE);
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, own, sizeof(own) - 1, &r);
    rc("handler_raise", r);
    printf("PLVW: handler carried on after its own error, ignored %u\n", ignored() - before);
    printf("PLVW: handler divides by zero\n");
    zero = 100 / zero;
    printf("PLVW: handler survived its division\n");
    STOP_SELF();
}

static void b_body(void)
{
    static APEX_BYTE text[] = "for the handler";
    RETURN_CODE_TYPE r;

    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, sizeof(text) - 1, &r);
    rc("b_raise", r);
    printf("PLVW: B after the handler\n");
    SET_PARTITION_MODE(WARM_START, &r);
    printf("PLVW: B after SET_PARTITION_MODE(WARM_START)\n");
}

static void x_body(void)
{
    printf("PLVX: X writes through a null pointer\n");
    *nowhere = 1;
    printf("PLVX: X survived its memory violation\n");
}

void escalate_early(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t before = s->hm_ignored;

    if (s->mode != PV_MODE_WARM_START) {
        return;
    }
    (void)tessera_hm_raise(TESSERA_HM_APPLICATION_ERROR, 7);
    printf("PLV: warm start %u: an error before any APEX service, ignored by the kernel %u\n",
           (unsigned)s->restarts, (unsigned)(s->hm_ignored - before));
}

void escalate_role(void)
{
    PARTITION_STATUS_TYPE st;
    RETURN_CODE_TYPE r;
    PROCESS_ID_TYPE p;

    ignored_at_start = pv_shared()->hm_ignored;
    GET_PARTITION_STATUS(&st, &r);
    if (st.OPERATING_MODE == WARM_START && st.START_CONDITION == PARTITION_RESTART) {
        role = "PLVX";
        p = make_process("X", x_body, 50, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
        START(p, &r);
        return;
    }
    if (st.OPERATING_MODE == WARM_START) {
        role = "PLVW";
        printf("PLVW: warm start, %s\n", st.START_CONDITION == HM_PARTITION_RESTART
                                             ? "restarted by the health monitor"
                                             : "not by the health monitor");
        CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)handler, 8192, &r);
        rc("create_error_handler", r);
        p = make_process("B", b_body, 50, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
        START(p, &r);
        return;
    }
    p = make_process("A", a_body, 50, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    z = make_process("Z", z_body, 60, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    d = make_process("D", d_body, 60, INFINITE_TIME_VALUE, MS(5));
    START(p, &r);
    rc("start_a", r);
}
