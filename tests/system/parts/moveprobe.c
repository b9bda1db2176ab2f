/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A partition whose windows alternate between CPU 0 and CPU 1 (x86,
 * tests/system/test_smp.py, system smp-moving). Each pass loads known
 * values into ebx, esi, edi, edx, xmm1 and the x87 stack top, spins until
 * the kernel starts its next window (on the other CPU, unless QEMU's round
 * robin made a window be skipped) and then reads them back: the context
 * the first CPU saved is the one the second resumed. In every window it
 * records the CPU the kernel says it runs on (control page `cpu`) and the
 * one CPUID says, which must agree and match the window's place in the
 * frame (offset MOVE_CPU0_OFFSET on CPU 0, MOVE_CPU1_OFFSET on CPU 1), and
 * a counter in memory that must have counted every pass. Once, in a
 * window on CPU 0, it arms its wall-clock timer for the middle of its next
 * window, on CPU 1, and notes where and when the expiry shows. Then it
 * prints one line and halts. Ids other than 2 are its neighbours on
 * either CPU: they give each of NEIGHBOUR_WINDOWS windows back at once
 * (pv_idle), so that the CPU idles in hlt and QEMU's round robin under
 * -icount runs the other CPU (a busy neighbour can hold it for many
 * frames, and P2's windows there are then skipped), and halt.
 */
#include <stddef.h>
#include "smpprobe.h"

#define MOVE_WINDOWS      60
#define MOVE_CPU0_OFFSET  100000u /* ns into the frame: smp-moving.xml */
#define MOVE_CPU1_OFFSET  200000u
#define TIMER_INTO_NEXT   125000u /* from a CPU 0 window's start: 25 us into the CPU 1 window */
#define NEIGHBOUR_WINDOWS 100

/* Loads values made from seed into registers, waits in ring 3 until the
 * low word of the window's start changes (a new window), and returns
 * whether every register still holds its value. */
static int cross_window(uint32_t seed)
{
    volatile uint32_t *start_lo = (volatile uint32_t *)&pv_shared()->window_start_ns;
    uint32_t b, si, di, d, x;
    double f = (double)seed + 0.25, fo;

    __asm__ volatile("mov %[seed], %%ebx\n\t"
                     "lea 1(%%ebx), %%esi\n\t"
                     "lea 2(%%ebx), %%edi\n\t"
                     "lea 3(%%ebx), %%edx\n\t"
                     "movd %%ebx, %%xmm1\n\t"
                     "fldl %[f]\n\t"
                     "mov (%[ws]), %%eax\n"
                     "1:\n\t"
                     "pause\n\t"
                     "cmp (%[ws]), %%eax\n\t"
                     "je 1b\n\t"
                     "fstpl %[fo]\n\t"
                     "movd %%xmm1, %%eax\n\t"
                     "mov %%eax, %[x]"
                     : "=&b"(b), "=&S"(si), "=&D"(di), "=&d"(d), [x] "=m"(x), [fo] "=m"(fo)
                     : [seed] "m"(seed), [f] "m"(f), [ws] "c"(start_lo)
                     : "eax", "cc", "memory");
    return b == seed && si == seed + 1 && di == seed + 2 && d == seed + 3 && x == seed && fo == f;
}

void pv_main(uint32_t id)
{
    static volatile uint32_t passes; /* in memory: counts every pass */
    volatile struct pv_shared *s = pv_shared();
    struct smpprobe_window w;
    uint32_t per_cpu[2] = {0, 0}, changes = 0, mismatch = 0, misplaced = 0, regs_bad = 0;
    uint32_t last_cpu = UINT32_MAX, timer_cpu = UINT32_MAX, timer_state = 0;
    uint64_t deadline = 0, fired_at = 0, fired_end = 0, fired_start = 0;

    if (id != 2) {
        for (uint32_t i = 0; i < NEIGHBOUR_WINDOWS; i++) {
            pv_idle();
        }
        tp_printf("moveprobe %u: neighbour on CPU %u done\n", id, s->cpu);
        return;
    }
    tp_printf("moveprobe on CPU %u (kernel: %u)\n", smpprobe_apic_id(), s->cpu);
    cross_window(0x1000); /* from the start of a fresh window */
    for (uint32_t i = 0; i < MOVE_WINDOWS; i++) {
        uint32_t before = timer_state == 1 ? s->timer_expirations[PV_CLOCK_WALL] : 0;

        if (!cross_window(0x2000u + i * 16u)) {
            regs_bad++;
        }
        passes++;
        smpprobe_read_window(&w);
        if (w.cpu != smpprobe_apic_id()) {
            mismatch++;
        }
        if (w.cpu > 1 || w.start - w.frame != (w.cpu ? MOVE_CPU1_OFFSET : MOVE_CPU0_OFFSET)) {
            misplaced++;
        } else {
            per_cpu[w.cpu]++;
        }
        if (last_cpu != UINT32_MAX && w.cpu != last_cpu) {
            changes++;
        }
        last_cpu = w.cpu;
        if (timer_state == 1) {
            /* Armed in the last window (CPU 0): watch this one for the
             * expiry, up to its end. */
            while (s->timer_expirations[PV_CLOCK_WALL] == before && tp_now() < w.end) {
            }
            if (s->timer_expirations[PV_CLOCK_WALL] != before) {
                fired_at = tp_now();
                timer_cpu = s->cpu;
                fired_start = w.start;
                fired_end = w.end;
            }
            timer_state = 2;
        } else if (timer_state == 0 && w.cpu == 0 && i >= 4) {
            deadline = w.start + TIMER_INTO_NEXT;
            pv_timer_set(PV_CLOCK_WALL, deadline, 0);
            timer_state = 1;
        }
    }
    tp_printf("moveprobe: %u windows, CPU 0 %u, CPU 1 %u, changes %u, kernel/cpuid differ %u, "
              "misplaced %u, registers lost %u, memory %s\n",
              MOVE_WINDOWS, per_cpu[0], per_cpu[1], changes, mismatch, misplaced, regs_bad,
              passes == MOVE_WINDOWS ? "kept" : "lost");
    tp_printf("moveprobe: timer armed on CPU 0 fired on CPU %d, %s its deadline, %s the window\n",
              (int)timer_cpu, fired_at >= deadline ? "after" : "before",
              fired_at >= fired_start && fired_at < fired_end ? "inside" : "outside");
}
