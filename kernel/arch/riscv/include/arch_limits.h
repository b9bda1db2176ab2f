/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V (RV64, QEMU virt) limits a configuration must respect. The kernel
 * and tessera-config (config/src/arch_riscv.c) both include this file, so
 * that what the kernel would refuse at boot the tool refuses first.
 */
#ifndef TESSERA_RISCV_ARCH_LIMITS_H
#define TESSERA_RISCV_ARCH_LIMITS_H

/* Partitions may use compressed (2-byte) instructions. */
#define ARCH_INSN_ALIGN 2

/* RAM is mapped with 4 KiB granularity at most. */
#define ARCH_RAM_ALIGN 0x1000u

/* The kernel maps RAM with one 1 GiB Sv39 leaf (riscv.h, KERNEL_OFFSET). */
#define ARCH_RAM_MAX 0x40000000u

/* The pool of Sv39 level-1 and level-0 tables (4 KiB each) all partitions'
 * areas are mapped from: a level-1 table per 1 GiB and a level-0 table per
 * 2 MiB of virtual space a partition uses (its control page's included).
 * The root tables are per partition, outside the pool. */
#define ARCH_PAGE_TABLES 512

/* The kernel runs on one processor here (QEMU's machine has one). */
#define ARCH_MAX_CPUS 1

#endif
