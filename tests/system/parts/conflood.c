/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Console writers, hostile and not; the partition id selects which:
 *   1  writes 4,096 '\r' per call, in a loop (no output at all);
 *   2  writes 4,096-byte chunks of long lines, in a loop;
 *   3  once in each window, just before it ends, writes 4,096 '\r';
 *   4  floods short numbered lines for FLOOD_WINDOWS windows, faster than
 *      its ring drains at the end of its windows, then prints how much it
 *      wrote and what its status says was dropped;
 *   5  a well-behaved neighbour of 4: a few lines in each window, then its
 *      own dropped count.
 * 1-3 run until the window-latency victim (winlat.c) halts them.
 */
#include "tp.h"

#define CHUNK         4096
#define EDGE_NS       5000 /* how long before its window ends mode 3 writes */
#define FLOOD_WINDOWS 20
#define FLOOD_LINE    7 /* "NNNNNN\n" */
#define GOOD_WINDOWS  20
#define GOOD_PER      3

static char chunk[CHUNK];

/* Writes all of buf, as the guest libraries do: the kernel may take less. */
static void write_all(const char *buf, uint32_t len)
{
    while (len) {
        int32_t took = pv_console_write(buf, len);

        if (took <= 0) {
            return;
        }
        buf += took;
        len -= (uint32_t)took;
    }
}

/* Spins (no trap) until the kernel has started another window than seen. */
static void wait_next_window(uint64_t seen)
{
    while (pv_shared()->window_start_ns == seen) {
        ;
    }
}

static void carriage_returns(int at_edge)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t seed = 12345;

    for (uint32_t i = 0; i < CHUNK; i++) {
        chunk[i] = '\r';
    }
    for (;;) {
        if (at_edge) {
            uint64_t start = s->window_start_ns, end = s->window_end_ns;

            while (pv_clock_ns() + EDGE_NS < end) {
                ;
            }
            pv_console_write(chunk, CHUNK);
            wait_next_window(start);
        } else {
            pv_console_write(chunk, CHUNK);
            /* A pause of pseudo-random length moves the point of the call
             * at which each window end falls (as bench/flood.c does). */
            seed = seed * 1103515245u + 12345u;
            for (uint32_t i = (seed >> 16) & 63; i; i--) {
                __asm__ volatile("");
            }
        }
    }
}

static void long_lines(void)
{
    for (uint32_t i = 0; i < CHUNK; i++) {
        chunk[i] = (char)('a' + i % 26);
    }
    chunk[CHUNK - 1] = '\n';
    for (;;) {
        write_all(chunk, CHUNK);
    }
}

static void put_number(char *at, uint32_t v)
{
    for (int i = FLOOD_LINE - 2; i >= 0; i--) {
        at[i] = (char)('0' + v % 10);
        v /= 10;
    }
    at[FLOOD_LINE - 1] = '\n';
}

static void flood(void)
{
    volatile struct pv_shared *s = pv_shared();
    struct pv_partition_status st;
    uint32_t lines = 0, windows = 0;
    uint64_t seen = s->window_start_ns;
    const uint32_t per = 256 / FLOOD_LINE;

    while (windows < FLOOD_WINDOWS) {
        for (uint32_t i = 0; i < per; i++) {
            put_number(&chunk[i * FLOOD_LINE], lines++);
        }
        write_all(chunk, per * FLOOD_LINE);
        if (s->window_start_ns != seen) {
            seen = s->window_start_ns;
            windows++;
        }
    }
    /* What is still queued goes out at the start of the next window. */
    wait_next_window(seen);
    pv_partition_status(PV_PART_SELF, &st);
    tp_printf("flood wrote %u lines of %u bytes, dropped %u bytes\n", lines, FLOOD_LINE,
              st.console_dropped);
}

static void well_behaved(void)
{
    struct pv_partition_status st;

    for (uint32_t w = 0; w < GOOD_WINDOWS; w++) {
        for (uint32_t i = 0; i < GOOD_PER; i++) {
            tp_printf("good %02u.%u: every line of a quiet writer arrives whole\n", w, i);
        }
        pv_idle(); /* until its next window */
    }
    pv_partition_status(PV_PART_SELF, &st);
    tp_printf("good dropped %u bytes\n", st.console_dropped);
}

void pv_main(uint32_t id)
{
    tp_printf("console writer %u\n", id);
    switch (id) {
    case 1:
        carriage_returns(0);
        break;
    case 2:
        long_lines();
        break;
    case 3:
        carriage_returns(1);
        break;
    case 4:
        flood();
        break;
    default:
        well_behaved();
        break;
    }
}
