/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The victim next to the hypercall fuzzer (tests/system/parts/fuzzer.c).
 * It prints only what a neighbour must not be able to change:
 *   "lat B: n=.. min=.. max=.. hash=.."  per block of LAT_BLOCK windows, the
 *       latency of its window-start upcall (clock at the upcall minus the
 *       control page's window_start_ns): byte-identical under -icount
 *       whatever runs before it, if no kernel path the neighbour starts
 *       delays its window;
 *   "work U: fpu=.. mem=.."  per block of units: the bits of an FPU series
 *       whose accumulator stays in the FPU registers across many partition
 *       switches, and a checksum of its code and of a pattern area only it
 *       maps. Every unit computes the same values, so the line is the same
 *       with and without -icount; "BAD" marks a unit that differed.
 * It never ends by itself: its neighbour halts it.
 */
#include "tp.h"

#define LAT_BLOCK   64 /* windows per latency line */
#define LAT_QUEUE   32 /* latency lines waiting to be printed */
#define UNIT_TERMS  20000
#define WORK_BLOCK  8           /* units per work line */
#define PATTERN_VA  0x48000000u /* the victim's own area: the fuzzer aims at it */
#define PATTERN_LEN 16384u
#define CODE_VA     0x40000000u
#define CODE_LEN    65536u

struct lat_line {
    uint32_t n, min, max, hash;
};

static volatile uint32_t lat_n, lat_min = ~0u, lat_max, lat_hash = 2166136261u;
static struct lat_line queue[LAT_QUEUE];
static volatile uint32_t queued, printed;

static uint32_t fnv(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++, v >>= 8) {
        h = (h ^ (v & 0xff)) * 16777619u;
    }
    return h;
}

/* Integer only: the FPU accumulator of the interrupted unit is live. */
void pv_upcall_handler(struct pv_upcall_frame *f)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t now;
    uint32_t lat;

    if (!(f->lines & (1u << PV_IRQ_WINDOW_START))) {
        return;
    }
    now = pv_clock_ns();
    lat = (uint32_t)(now - s->window_start_ns);
    lat_hash = fnv(lat_hash, lat);
    if (lat < lat_min) {
        lat_min = lat;
    }
    if (lat > lat_max) {
        lat_max = lat;
    }
    if (++lat_n == LAT_BLOCK) {
        if (queued - printed < LAT_QUEUE) {
            queue[queued % LAT_QUEUE] = (struct lat_line){lat_n, lat_min, lat_max, lat_hash};
        }
        queued++;
        lat_n = 0;
        lat_min = ~0u;
        lat_max = 0;
        lat_hash = 2166136261u;
    }
}

static void print_latencies(void)
{
    while (printed != queued) {
        struct lat_line l = queue[printed % LAT_QUEUE];

        if (queued - printed > LAT_QUEUE) {
            tp_printf("lat %u: LOST\n", (unsigned)printed);
        } else {
            tp_printf("lat %u: n=%u min=%u max=%u hash=%08x\n", (unsigned)printed, (unsigned)l.n,
                      (unsigned)l.min, (unsigned)l.max, (unsigned)l.hash);
        }
        printed++;
    }
}

static uint64_t series(void)
{
    double sum = 0.0;

    for (int k = 1; k <= UNIT_TERMS; k++) {
        sum += 1.25 / ((double)k * (double)k + 3.0);
    }
    union {
        double d;
        uint64_t u;
    } bits = {sum};
    return bits.u;
}

static uint32_t checksum(uint32_t va, uint32_t len)
{
    const volatile uint32_t *w = (const volatile uint32_t *)(uintptr_t)va;
    uint32_t h = 2166136261u;

    for (uint32_t i = 0; i < len / 4; i++) {
        h = fnv(h, w[i]);
    }
    return h;
}

void pv_main(uint32_t id)
{
    volatile uint32_t *pattern = (volatile uint32_t *)(uintptr_t)PATTERN_VA;
    uint64_t fpu0 = 0;
    uint32_t mem0 = 0, bad = 0;

    tp_printf("victim %u start\n", (unsigned)id);
    for (uint32_t i = 0; i < PATTERN_LEN / 4; i++) {
        pattern[i] = i * 2654435761u ^ 0x5a5a5a5au;
    }
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_WINDOW_START);
    pv_irq_enable();
    for (uint32_t unit = 0;; unit++) {
        uint64_t fpu = series();
        uint32_t mem = checksum(PATTERN_VA, PATTERN_LEN) ^ checksum(CODE_VA, CODE_LEN);

        if (unit == 0) {
            fpu0 = fpu;
            mem0 = mem;
        } else if (fpu != fpu0 || mem != mem0) {
            bad++;
            tp_printf("unit %u BAD: fpu=%llx mem=%08x\n", (unsigned)unit, (unsigned long long)fpu,
                      (unsigned)mem);
        }
        if ((unit + 1) % WORK_BLOCK == 0) {
            tp_printf("work %u: fpu=%llx mem=%08x%s\n", (unsigned)(unit / WORK_BLOCK),
                      (unsigned long long)fpu0, (unsigned)mem0, bad ? " BAD" : "");
            bad = 0;
        }
        print_latencies();
    }
}
