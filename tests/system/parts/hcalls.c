/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Calls every hypercall of the first set with good and bad arguments and
 * prints each result, so the system test can compare them with the
 * documented error codes (docs/pv-api.md).
 */
#include <stddef.h>
#include "tp.h"

static const char code_text[] = "from the read-only code area\n";
static char data_text[] = "from the data area\n";

static void report(const char *what, int32_t got)
{
    tp_printf("%s -> %d\n", what, got);
}

void pv_main(uint32_t id)
{
    uint64_t t1 = 0, t2 = 0;
    /* The last byte of the data area (virt 0x40100000, 64 KiB). */
    char *data_end = (char *)0x4010ffff;

    tp_printf("hcalls %u start\n", id);
    report("write code area", pv_console_write(code_text, sizeof(code_text) - 1));
    report("write data area", pv_console_write(data_text, sizeof(data_text) - 1));
    report("write zero length at NULL", pv_console_write(NULL, 0));
    report("write NULL", pv_console_write(NULL, 1));
    report("write kernel", pv_console_write((const char *)0x00100000, 4));
    report("write other partition (phys)", pv_console_write((const char *)0x01000000, 4));
    report("write unmapped", pv_console_write((const char *)0x50000000, 4));
    report("write past area end", pv_console_write(data_end, 2));
    *data_end = '\n';
    report("write last byte of area", pv_console_write(data_end, 1));
    report("write wrapping", pv_console_write((const char *)0xfffffff0, 0x20));
    report("write huge length", pv_console_write(data_text, 0xffffffffu));
    report("write over max", pv_console_write(data_text, PV_CONSOLE_WRITE_MAX + 1));
    report("time into code area", pv_time_get((uint64_t *)(uintptr_t)code_text));
    report("time into kernel", pv_time_get((uint64_t *)0x00100000));
    report("time straddling area end", pv_time_get((uint64_t *)0x4010fffc));
    report("time ok", pv_time_get(&t1));
    pv_time_get(&t2);
    tp_printf("time advances: %s\n", t2 > t1 && t1 > 0 ? "yes" : "no");
    report("unknown number PV_HC_COUNT", pv_hcall0(PV_HC_COUNT));
    report("unknown number 0x7fffffff", pv_hcall0(0x7fffffff));
    report("unknown number 0xffffffff", pv_hcall0(0xffffffffu));
#if defined(__sparc__)
    {
        /* The registers the binding preserves must come back unchanged:
         * %o1-%o5, %g2-%g7 and the condition codes. */
        register uint32_t g1 __asm__("g1") = PV_HC_TIME_GET;
        register uint32_t o0 __asm__("o0") = (uint32_t)(uintptr_t)&t1;
        uint32_t same;

        __asm__ volatile("set 0x11110001, %%o1\n\tset 0x22220002, %%o5\n\t"
                         "set 0x33330003, %%g2\n\tset 0x44440004, %%g7\n\t"
                         "subcc %%g0, 1, %%g0\n\t" /* N set, Z clear */
                         "ta 0x40\n\t"
                         "set 0x11110001, %1\n\txor %%o1, %1, %%o1\n\t"
                         "set 0x22220002, %1\n\txor %%o5, %1, %%o5\n\t"
                         "or %%o1, %%o5, %1\n\t"
                         "set 0x33330003, %%o1\n\txor %%g2, %%o1, %%o1\n\tor %1, %%o1, %1\n\t"
                         "set 0x44440004, %%o1\n\txor %%g7, %%o1, %%o1\n\tor %1, %%o1, %1\n\t"
                         "bneg 1f\n\tnop\n\tor %1, 1, %1\n"
                         "1:"
                         : "+r"(o0), "=&r"(same)
                         : "r"(g1)
                         : "o1", "o5", "g2", "g7", "cc", "memory");
        report("time with registers to preserve", (int32_t)o0);
        tp_printf("registers preserved: %s\n", same == 0 ? "yes" : "no");
    }
#elif defined(__riscv)
    {
        /* The registers the binding preserves must come back unchanged:
         * a1-a6, t0-t6 (sampled: a1, a5, t0, t6), s2 and ra's stand-in s11. */
        register uint64_t a7 __asm__("a7") = PV_HC_TIME_GET;
        register uint64_t a0 __asm__("a0") = (uint64_t)(uintptr_t)&t1;
        uint64_t same;

        __asm__ volatile("li a1, 0x1111000111110001\n\tli a5, 0x2222000222220002\n\t"
                         "li t0, 0x3333000333330003\n\tli t6, 0x4444000444440004\n\t"
                         "li s11, 0x5555000555550005\n\t"
                         "ecall\n\t"
                         "li %1, 0x1111000111110001\n\txor %1, a1, %1\n\t"
                         "li a1, 0x2222000222220002\n\txor a1, a5, a1\n\tor %1, %1, a1\n\t"
                         "li a1, 0x3333000333330003\n\txor a1, t0, a1\n\tor %1, %1, a1\n\t"
                         "li a1, 0x4444000444440004\n\txor a1, t6, a1\n\tor %1, %1, a1\n\t"
                         "li a1, 0x5555000555550005\n\txor a1, s11, a1\n\tor %1, %1, a1"
                         : "+r"(a0), "=&r"(same)
                         : "r"(a7)
                         : "a1", "a5", "t0", "t6", "s11", "memory");
        report("time with registers to preserve", (int32_t)a0);
        tp_printf("registers preserved: %s\n", same == 0 ? "yes" : "no");
    }
#else
    {
        /* The direction flag is the partition's: the kernel must not copy
         * backwards because of it. */
        int32_t r;

        __asm__ volatile("std\n\tint $0x80\n\tcld"
                         : "=a"(r)
                         : "a"(PV_HC_TIME_GET), "b"((uint32_t)(uintptr_t)&t1)
                         : "memory");
        report("time with the direction flag set", r);
    }
#endif
    report("idle", pv_idle());
    tp_printf("hcalls %u done\n", id);
}
