/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's own machine-mode start, instead of an SBI firmware: it sets
 * up what S-mode cannot and never comes back (boot.S mrets to S-mode; a
 * later trap to M-mode ends QEMU). Runs at physical addresses before any
 * page table, so it refers only to symbols (pc-relative: their physical
 * addresses here) and keeps no pointers in data.
 *
 * PMP is the second wall (docs/architecture.md, "RISC-V"): S- and U-mode
 * together reach only the devices the kernel drives and the configured RAM,
 * the kernel's code is read and execute only, its constant data (tables,
 * partition images) read only, its state read and write without execute,
 * whatever a page table says.
 */
#include "cfg.h"
#include "riscv.h"
#include "riscv_mstart.h"

#define PMP_R     0x01u
#define PMP_W     0x02u
#define PMP_X     0x04u
#define PMP_TOR   0x08u
#define PMP_NAPOT 0x18u
/* Entry n's byte of pmpcfg0. */
#define PMP_CFG(n, bits) ((uint64_t)(bits) << 8 * (n))

#define MSTATUS_MPP_S (1ul << 11)
#define MENVCFG_STCE  (1ul << 63) /* Sstc: S-mode's own stimecmp */
#define MCOUNTEREN_TM (1ul << 1)
#define MIP_SSIP      (1ul << 1)
#define MIP_STIP      (1ul << 5)
#define MIP_SEIP      (1ul << 9)
/* Every exception but an ecall from S or M goes to S-mode. */
#define EXCEPTIONS_TO_S 0xb1fful

#define UART_LSR_THRE 0x20u

extern char __rodata_start[], __data_start[];

/* A 4 KiB NAPOT region. */
static uint64_t napot_4k(uint64_t base)
{
    return base >> 2 | (DEVICE_PAGE / 8 - 1);
}

/* Before S-mode there is no console: the UART by its physical address. */
static void mputs(const char *s)
{
    volatile uint8_t *uart = (volatile uint8_t *)UART_PA;

    for (; *s; s++) {
        while (!(uart[5] & UART_LSR_THRE)) {
            ;
        }
        uart[0] = (uint8_t)*s;
    }
}

static __attribute__((noreturn)) void mfail(const char *why)
{
    mputs(why);
    *(volatile uint32_t *)SIFIVE_TEST_PA = 0x3333u | 1u << 16;
    for (;;) {
        __asm__ volatile("wfi");
    }
}

/* boot.S's probe of stimecmp trapped. */
__attribute__((aligned(4))) void riscv_no_sstc(void)
{
    mfail("\n[tessera] the hart has no Sstc (stimecmp): S-mode would have no timer\n");
}

uint64_t riscv_mstart(const void *fdt)
{
    uint64_t ram_end = RAM_PA + cfg_system.ram_size, cfg;

    csr_write(0x30a, MENVCFG_STCE); /* menvcfg */
    csr_write(mcounteren, MCOUNTEREN_TM);
    csr_write(medeleg, EXCEPTIONS_TO_S);
    csr_write(mideleg, MIP_SSIP | MIP_STIP | MIP_SEIP);
    csr_write(mie, 0);

    csr_write(pmpaddr0, napot_4k(SIFIVE_TEST_PA));
    csr_write(pmpaddr1, napot_4k(UART_PA));
    csr_write(pmpaddr2, RAM_PA >> 2);
    csr_write(pmpaddr3, (uintptr_t)__rodata_start >> 2);
    csr_write(pmpaddr4, (uintptr_t)__data_start >> 2);
    csr_write(pmpaddr5, (RAM_PA + KERNEL_REGION) >> 2);
    csr_write(pmpaddr6, ram_end >> 2);
    /* Entry 2 is OFF: only the base of entry 3's range. */
    cfg = PMP_CFG(0, PMP_NAPOT | PMP_R | PMP_W);        /* sifive_test */
    cfg |= PMP_CFG(1, PMP_NAPOT | PMP_R | PMP_W);       /* UART */
    cfg |= PMP_CFG(3, PMP_TOR | PMP_R | PMP_X);         /* kernel code */
    cfg |= PMP_CFG(4, PMP_TOR | PMP_R);                 /* constant data */
    cfg |= PMP_CFG(5, PMP_TOR | PMP_R | PMP_W);         /* kernel state */
    cfg |= PMP_CFG(6, PMP_TOR | PMP_R | PMP_W | PMP_X); /* partitions */
    csr_write(pmpcfg0, cfg);

    csr_write(satp, 0);
    csr_write(mstatus, MSTATUS_MPP_S);
    return riscv_fdt_ram_size(fdt);
}
