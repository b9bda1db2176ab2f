/* SPDX-License-Identifier: BSD-2-Clause */
/* Spins for good after one line (tests/system/test_x86_page_tables.py,
 * test_riscv_page_tables.py): the test stops QEMU inside its windows for as
 * long as it needs, then ends QEMU itself. */
#include "tp.h"

void pv_main(uint32_t id)
{
    tp_printf("spinning %u\n", id);
    for (;;) {
        __asm__ volatile("" ::: "memory");
    }
}
