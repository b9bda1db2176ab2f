/* SPDX-License-Identifier: BSD-2-Clause */
/* The machine-mode start (mstart.c, fdt.c): what runs before S-mode. */
#ifndef TESSERA_RISCV_MSTART_H
#define TESSERA_RISCV_MSTART_H

#include <stdint.h>

/* The bytes of RAM from RAM_PA the device tree declares; 0 if it says
 * nothing readable. */
uint64_t riscv_fdt_ram_size(const void *blob);

/* PMP, delegation and the timer for S-mode; returns riscv_fdt_ram_size(). */
uint64_t riscv_mstart(const void *fdt);

/* The trap of boot.S's probe: says the hart lacks Sstc and ends QEMU. */
__attribute__((noreturn)) void riscv_no_sstc(void);

#endif
