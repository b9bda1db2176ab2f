/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Ports between two CPUs (x86, tests/system/test_smp_ports.py): the
 * writer (odd id) runs on CPU 0 and the reader (the next id) on CPU 1, in windows
 * that overlap, so that a write and a read may be under way at the same
 * time in the kernel on the two CPUs.
 *
 * Queuing channel q_out -> q_in: the writer sends its count of messages
 * numbered 1, 2, ..., retrying a refused send (a full queue refuses; that
 * is not a loss), and the reader checks that each one it takes is the next
 * number, whole (its four words agree). Sampling channel s_out -> s_in: at
 * every step the writer writes a message whose every word is its sequence
 * number; the reader checks that each message it reads has all words equal
 * (not torn) and a number not below the last one read (never an older
 * message after a newer). Each prints one line at the end, then halts.
 */
#include <stddef.h>
#include "tp.h"

/* Messages per run, by the pair's ids (writer odd, reader the next even):
 * 1-2 for -icount, 3-4 for the stress run of `make test`, 5-6 for `make
 * stress-smp`'s 10^6. */
static const uint32_t messages_of_pair[] = {20000, 200000, 1000000};
static uint32_t messages;
#define Q_WORDS 4 /* 16-byte queuing messages */
/* Failed tries in a row (a full or an empty queue) before the partition
 * idles until its next window: under -icount QEMU switches CPUs only when
 * one halts (or after 100 ms of virtual time), so a partition that spun on
 * a full queue would keep the reader's CPU from running. Without -icount
 * this many failures means the other CPU's host thread is not running. */
#define SPIN_TRIES 16
#define S_WORDS    64 /* 256-byte sampling messages: a copy long enough to be overtaken */

static void writer(void)
{
    int32_t q = pv_port_open("q_out", 5), s = pv_port_open("s_out", 5);
    uint32_t msg[S_WORDS], sent = 0, full = 0, samples = 0, errors = 0, spins = 0;

    while (sent < messages) {
        uint32_t n = sent + 1;
        int32_t r;

        msg[0] = n;
        msg[1] = ~n;
        msg[2] = n * 2654435761u;
        msg[3] = n ^ 0x5a5a5a5au;
        r = pv_port_write(q, msg, Q_WORDS * 4);
        if (r == PV_OK) {
            sent++;
            spins = 0;
        } else if (r == PV_EAGAIN) {
            full++;
            if (++spins == SPIN_TRIES) {
                spins = 0;
                pv_idle();
            }
        } else {
            errors++;
        }
        samples++;
        for (uint32_t i = 0; i < S_WORDS; i++) {
            msg[i] = samples;
        }
        if (pv_port_write(s, msg, sizeof(msg)) != PV_OK) {
            errors++;
        }
    }
    tp_printf("xcpu writer: sent %u, refused %u, samples %u, errors %u\n", sent, full, samples,
              errors);
}

static void reader(void)
{
    int32_t q = pv_port_open("q_in", 4), s = pv_port_open("s_in", 4);
    uint32_t msg[S_WORDS], got = 0, bad = 0, torn = 0, older = 0, samples = 0, distinct = 0;
    uint32_t last = 0, empty = 0, errors = 0, spins = 0;

    while (got < messages) {
        int32_t r = pv_port_read(q, msg, sizeof(msg), NULL);

        if (r == Q_WORDS * 4) {
            uint32_t n = got + 1;

            if (msg[0] != n || msg[1] != ~n || msg[2] != n * 2654435761u ||
                msg[3] != (n ^ 0x5a5a5a5au)) {
                bad++;
            }
            got++;
            spins = 0;
        } else if (r == PV_EAGAIN) {
            empty++;
            if (++spins == SPIN_TRIES) {
                spins = 0;
                pv_idle();
            }
        } else {
            errors++;
        }
        r = pv_port_read(s, msg, sizeof(msg), NULL);
        if (r == (int32_t)sizeof(msg)) {
            uint32_t same = 1;

            for (uint32_t i = 1; i < S_WORDS; i++) {
                same &= msg[i] == msg[0];
            }
            torn += !same;
            older += msg[0] < last;
            distinct += msg[0] > last;
            last = msg[0] > last ? msg[0] : last;
            samples++;
        } else if (r != PV_EAGAIN) {
            errors++;
        }
    }
    tp_printf("xcpu reader: received %u, bad %u, empty %u, samples %u, distinct %u, torn %u, "
              "older %u, errors %u\n",
              got, bad, empty, samples, distinct, torn, older, errors);
}

void pv_main(uint32_t id)
{
    if (id == 0 || id > 2 * sizeof(messages_of_pair) / sizeof(messages_of_pair[0])) {
        return;
    }
    messages = messages_of_pair[(id - 1) / 2];
    if (id % 2) {
        writer();
    } else {
        reader();
    }
}
