/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V's PMP behind a wrong page table (tests/system/test_riscv_pmp.py):
 * the test's debugger gives this partition a 1 GiB user leaf from virtual 0
 * to physical RAM's start, as a buggy or corrupted table might. One access
 * through it per partition, chosen by id; the partition says what it is
 * about to do and "survived" if it got past it. PMP must stop it wherever
 * partitions have no business: the kernel's code (no write), its state
 * (no execute), RAM beyond the configuration's size.
 */
#include "tp.h"

/* Virtual = physical - RAM's start, through the planted leaf. */
#define OTHER_PARTITION 0x01000000ul /* partitions' RAM: PMP allows, the control case */
#define KERNEL_CODE     0x00001000ul /* kernel text (GCC refuses addresses below 4 KiB) */
#define KERNEL_STATE    0x00ff0000ul /* 16 MiB less 64 KiB: the kernel's region, not code */
#define BEYOND_RAM      0x04000000ul /* 64 MiB: past the system's RAM, inside the machine's */

static volatile uint32_t sink;

void pv_main(uint32_t id)
{
    switch (id) {
    case 1:
        tp_printf("read partitions' RAM\n");
        sink = *(volatile uint32_t *)OTHER_PARTITION;
        break;
    case 2:
        tp_printf("read the kernel's code\n");
        sink = *(volatile uint32_t *)KERNEL_CODE;
        break;
    case 3:
        tp_printf("write the kernel's code\n");
        *(volatile uint32_t *)KERNEL_CODE = 0;
        break;
    case 4:
        tp_printf("execute in the kernel's state\n");
        ((void (*)(void))KERNEL_STATE)();
        break;
    case 5:
        tp_printf("read RAM beyond the system's\n");
        sink = *(volatile uint32_t *)BEYOND_RAM;
        break;
    default:
        tp_printf("no case %u\n", id);
        return;
    }
    tp_printf("survived\n");
}
