/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The machine-mode part of the start (boot.S calls it once, before the
 * mret to S-mode), instead of an SBI firmware; nothing comes back to
 * M-mode afterwards but a trap the port did not expect (native_mtrap).
 *
 *  - PMP: one entry lets S-mode reach all memory and devices (with no
 *    entry at all, S-mode may touch nothing);
 *  - every exception but an ecall, and the supervisor software, timer and
 *    external interrupts, are delegated to S-mode;
 *  - Sstc (menvcfg.STCE): S-mode programs its own timer, stimecmp, with no
 *    SBI call; mcounteren.TM lets it read the time CSR.
 */
#include "native.h"

#include <port.h>

#define PMP_NAPOT_RWX 0x1fu
#define MSTATUS_MPP_S (1ul << 11)
#define MENVCFG_STCE  (1ul << 63)
#define MCOUNTEREN_TM (1ul << 1)
#define MIP_SSIP      (1ul << 1)
#define MIP_STIP      (1ul << 5)
#define MIP_SEIP      (1ul << 9)
/* Every exception but an ecall from U, S or M (8, 9, 11). */
#define EXCEPTIONS_TO_S 0xb0fful
#define FAIL_127        (0x3333u | 127u << 16)

void native_mstart(void)
{
    csr_write(pmpaddr0, ~0ul); /* NAPOT, all ones: the whole address space */
    csr_write(pmpcfg0, PMP_NAPOT_RWX);
    csr_write(0x30a, MENVCFG_STCE); /* menvcfg: older assemblers lack its name */
    csr_write(mcounteren, MCOUNTEREN_TM);
    csr_write(medeleg, EXCEPTIONS_TO_S);
    csr_write(mideleg, MIP_SSIP | MIP_STIP | MIP_SEIP);
    csr_set(mstatus, MSTATUS_MPP_S); /* keeping boot.S's FS */
}

/*
 * A trap to M-mode: an ecall (there is no SBI behind it) or a bug before
 * the mret. Whatever stack was in use serves, the end is near.
 */
__attribute__((aligned(4))) void native_mtrap(void)
{
    native_uart_puts("native riscv: trap to M-mode, mcause ");
    native_uart_hex(csr_read(mcause));
    native_uart_puts(", mepc ");
    native_uart_hex(csr_read(mepc));
    native_uart_puts("\n");
    *(volatile uint32_t *)NATIVE_SIFIVE_TEST_PA = FAIL_127;
    for (;;) {
        __asm__ volatile("wfi");
    }
}
