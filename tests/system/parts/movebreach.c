/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A partition that moves between CPU 0 and CPU 1 (x86,
 * tests/system/test_smp.py, system smp-moving-breach) and reads the
 * kernel's first 4 MiB, where the per-CPU section is, on the CPU it was
 * handed over to. Each handover rewrites that directory entry of a moving
 * partition (arch_context_take: CPU 0's big page of the direct map, an
 * AP's own table); the entry must stay supervisor-only. Id 2 reads in its
 * first window on CPU 0 that follows one on CPU 1, id 3 in its first window
 * on CPU 1 that follows one on CPU 0. The kernel must stop it there;
 * "SURVIVED" means the read went through.
 */
#include "smpprobe.h"

#define KERNEL_VA 0x00100000u /* where the kernel is linked (linker.ld) */

static volatile uint32_t sink;

static void next_window(void)
{
    struct smpprobe_window w, cur;

    smpprobe_read_window(&w);
    do {
        smpprobe_read_window(&cur);
    } while (cur.start == w.start);
}

void pv_main(uint32_t id)
{
    uint32_t target = id == 2 ? 0 : 1, other_seen = 0;

    for (uint32_t windows = 0; windows < 100; windows++) {
        uint32_t cpu = smpprobe_apic_id();

        if (cpu != target) {
            other_seen = 1;
        } else if (other_seen) {
            tp_printf("movebreach %u: reading the kernel at %08x on CPU %u after CPU %u\n", id,
                      KERNEL_VA, cpu, 1 - target);
            sink = *(volatile uint32_t *)KERNEL_VA;
            tp_printf("movebreach %u: SURVIVED, read %08x\n", id, sink);
            return;
        }
        next_window();
    }
    tp_printf("movebreach %u: never ran on CPU %u after CPU %u\n", id, target, 1 - target);
}
