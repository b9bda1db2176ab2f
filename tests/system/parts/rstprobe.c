/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A module reset raised on CPU 1 with partitions on two CPUs (x86,
 * tests/system/test_smp_reset.py, tests/system/systems/smp-reset.xml).
 * Every partition prints, at each start, its start condition, restart
 * count, how many times its own image has started (a counter in its data,
 * which a cold start clears) and the start of the frame it starts in.
 * W (id 1, CPU 0) writes a queuing and a sampling message to R before the
 * reset, and others after it. R (id 2, CPU 1) leaves W's first messages
 * unread and raises an application error, whose action is reset-module;
 * after the reset it reads both ports at once (they must be empty), then
 * waits for W's new messages. O (id 3, CPU 0) halts at once, before the
 * reset, and P (id 4, CPU 1) runs on; both only start again. Every
 * partition halts a few windows after the reset, its last line "done".
 * In smp-reset-moving.xml R and O move between the CPUs.
 */
#include "tp.h"

#define LIFE_AFTER    6   /* windows each partition runs after the reset */
#define WAIT_MESSAGES 200 /* windows R waits for W's new messages */

static uint32_t image_starts; /* cleared by a cold start */

static void idle_windows(uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        pv_idle();
    }
}

static void idle_forever(void)
{
    for (;;) {
        pv_idle();
    }
}

static void writer(int after)
{
    int32_t q = pv_port_open("q_out", 5), s = pv_port_open("s_out", 5);
    const char *q_msg = after ? "new-queued" : "old-queued";
    const char *s_msg = after ? "new-sample" : "old-sample";

    if (after) {
        idle_windows(2); /* R reads its empty ports first */
    }
    tp_printf("write %s -> %d, %s -> %d\n", q_msg, (int)pv_port_write(q, q_msg, 11), s_msg,
              (int)pv_port_write(s, s_msg, 11));
    if (!after) {
        idle_forever(); /* until the reset */
    }
    idle_windows(LIFE_AFTER);
}

static void read_both(int32_t q, int32_t s, const char *when)
{
    char qm[16] = {0}, sm[16] = {0};
    int32_t qr = pv_port_read(q, qm, sizeof(qm) - 1, NULL);
    int32_t sr = pv_port_read(s, sm, sizeof(sm) - 1, NULL);

    tp_printf("%s: queuing %d '%s', sampling %d '%s'\n", when, (int)qr, qr > 0 ? qm : "", (int)sr,
              sr > 0 ? sm : "");
}

static void reader(int after)
{
    int32_t q = pv_port_open("q_in", 4), s = pv_port_open("s_in", 4);
    struct pv_port_status st;

    if (!after) {
        /* W's first messages are in both channels, unread. */
        for (uint32_t w = 0; w < WAIT_MESSAGES; w++) {
            pv_idle();
            if (pv_port_status(q, &st) == PV_OK && st.messages == 1) {
                break;
            }
        }
        tp_printf("before: %u queued; reset\n", st.messages);
        pv_hm_raise(PV_HM_APPLICATION_ERROR, 7);
        tp_printf("still running after the reset was asked\n");
        idle_forever();
    }
    read_both(q, s, "first read");
    for (uint32_t w = 0; w < WAIT_MESSAGES; w++) {
        pv_idle();
        if (pv_port_status(q, &st) == PV_OK && st.messages) {
            break;
        }
    }
    read_both(q, s, "later read");
    idle_windows(LIFE_AFTER);
}

void pv_main(uint32_t id)
{
    volatile struct pv_shared *sh = pv_shared();
    struct pv_partition_status st;
    int after;

    image_starts++;
    pv_partition_status(PV_PART_SELF, &st);
    after = st.restarts > 0;
    tp_printf("start: condition %u, restarts %u, image starts %u, frame %llu, window %llu\n",
              st.start_condition, st.restarts, image_starts, (unsigned long long)sh->frame_start_ns,
              (unsigned long long)sh->window_start_ns);
    if (id == 1) {
        writer(after);
    } else if (id == 2) {
        reader(after);
    } else if (after) {
        idle_windows(LIFE_AFTER);
    } else if (id == 4) {
        idle_forever();
    } /* O halts at once: the reset restarts a halted partition too */
    /* Its last line: the system may end only once every partition has
     * printed it (the kernel's count of partitions alive). */
    tp_printf("done\n");
}
