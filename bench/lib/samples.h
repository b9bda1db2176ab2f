/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reporting samples to bench/run.py. A program collects one uint32_t per
 * operation and hands the array here; it is sorted and printed as a
 * histogram ("value*count" pairs), which under -icount is short because the
 * same instruction count repeats. Lines stay well below the kernel's 160-byte
 * console line limit. The statistics are computed on the host.
 *
 *   bench NAME h V*C V*C ...       (as many lines as needed)
 *   bench NAME n COUNT             (the end of NAME's samples)
 *   bench NAME k KEY VALUE         (extra facts: traps, ops, overhead, ...)
 */
#ifndef BENCH_SAMPLES_H
#define BENCH_SAMPLES_H

#include <stdint.h>

/* printf-like output of the environment: tp_printf or printk. */
typedef int (*bench_print_fn)(const char *fmt, ...);

/* Sorts v[0..n) in place and prints it under name. */
void samples_report(bench_print_fn out, const char *name, uint32_t *v, uint32_t n);

/* Prints one extra fact about name. */
void samples_fact(bench_print_fn out, const char *name, const char *key, uint32_t value);

#endif
