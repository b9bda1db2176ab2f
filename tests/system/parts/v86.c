/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 only: enters virtual-8086 mode by an iret from ring 3 with EFLAGS.VM
 * set, which QEMU honours (a real CPU ignores VM at CPL 3). Its first
 * fetch in V86 faults and the CPU pushes a V86 trap frame, four words
 * longer than a ring-3 one. The code segment it asks for is its partition
 * id - 200 (0 and 3 broke the kernel in two different ways). The kernel
 * must stop this partition and nothing else.
 */
#include "tp.h"

void pv_main(uint32_t id)
{
    uint32_t cs = id - 200;

    tp_printf("iret to virtual-8086 mode, cs=%u\n", cs);
    /* The V86 iret frame: eip, cs, eflags (VM, reserved bit 1), esp, ss,
     * es, ds, fs, gs. */
    __asm__ volatile("push $0\n\t"
                     "push $0\n\t"
                     "push $0\n\t"
                     "push $0\n\t"
                     "push $0\n\t"
                     "push $0x100\n\t"
                     "push $0x20002\n\t"
                     "push %0\n\t"
                     "push $0x1000\n\t"
                     "iret"
                     :
                     : "r"(cs)
                     : "memory");
    tp_printf("SURVIVED\n");
}
