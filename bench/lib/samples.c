/* SPDX-License-Identifier: BSD-2-Clause */
#include "samples.h"

/* 5 pairs of at most 22 characters plus "bench NAME h" and the kernel's
 * "[PARTITION] " tag stay below its 160-byte console line. */
#define PAIRS_PER_LINE 5

/* Shell sort: no library needed (bare partitions have none) and fast
 * enough for tens of thousands of samples. */
static void sort(uint32_t *v, uint32_t n)
{
    static const uint32_t gaps[] = {4193, 1750, 701, 301, 132, 57, 23, 10, 4, 1};

    for (uint32_t g = 0; g < sizeof(gaps) / sizeof(gaps[0]); g++) {
        uint32_t gap = gaps[g];

        for (uint32_t i = gap; i < n; i++) {
            uint32_t x = v[i], j = i;

            while (j >= gap && v[j - gap] > x) {
                v[j] = v[j - gap];
                j -= gap;
            }
            v[j] = x;
        }
    }
}

void samples_report(bench_print_fn out, const char *name, uint32_t *v, uint32_t n)
{
    uint32_t i = 0;

    sort(v, n);
    while (i < n) {
        for (uint32_t p = 0; p < PAIRS_PER_LINE && i < n; p++) {
            uint32_t j = i;

            while (j < n && v[j] == v[i]) {
                j++;
            }
            if (p == 0) {
                out("bench %s h", name);
            }
            out(" %lu*%lu", (unsigned long)v[i], (unsigned long)(j - i));
            i = j;
        }
        out("\n");
    }
    out("bench %s n %lu\n", name, (unsigned long)n);
}

void samples_fact(bench_print_fn out, const char *name, const char *key, uint32_t value)
{
    out("bench %s k %s %lu\n", name, key, (unsigned long)value);
}
