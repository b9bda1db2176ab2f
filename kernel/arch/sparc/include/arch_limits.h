/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SPARC (LEON3) limits a configuration must respect. The kernel and
 * tessera-config (config/src/arch_sparc.c) both include this file, so that
 * what the kernel would refuse at boot the tool refuses first.
 */
#ifndef TESSERA_SPARC_ARCH_LIMITS_H
#define TESSERA_SPARC_ARCH_LIMITS_H

/* Instructions are 4-byte aligned: every address the kernel makes a
 * partition resume at (entry point, upcall entry) must be, since `jmp; rett`
 * to a misaligned one, with traps off, stops the CPU (error mode). */
#define ARCH_INSN_ALIGN 4

/* RAM is mapped with 4 KiB granularity at most. */
#define ARCH_RAM_ALIGN 0x1000u

/* The pool of SRMMU level-2 and level-3 tables (256 bytes each) all
 * partitions' areas are mapped from: a level-2 table per 16 MiB and a
 * level-3 table per 256 KiB of virtual space a partition uses (its control
 * page's included). */
#define ARCH_PAGE_TABLES 1024

/* The kernel runs on one processor here (QEMU's machine has one). */
#define ARCH_MAX_CPUS 1

#endif
