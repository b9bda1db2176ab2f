/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 limits a configuration must respect. The kernel (mmu.c) and
 * tessera-config (config/src/arch_x86.c) both include this file, so that
 * what the kernel would refuse at boot the tool refuses first.
 */
#ifndef TESSERA_X86_ARCH_LIMITS_H
#define TESSERA_X86_ARCH_LIMITS_H

/* Instructions may start at any byte. */
#define ARCH_INSN_ALIGN 1

/* RAM is mapped with 4 MiB pages: its size is a multiple of them. */
#define ARCH_RAM_ALIGN 0x400000u

/* The page-table pool all partitions' areas are mapped from: one 4 KiB
 * table per 4 MiB of virtual space a partition uses (its control page's
 * included). */
#define ARCH_PAGE_TABLES 256

/* Processors the kernel starts (<system cpus=...>): the boot CPU and up to
 * seven more, each found by its local APIC id (docs/architecture.md,
 * "Multicore"). */
#define ARCH_MAX_CPUS 8

#endif
