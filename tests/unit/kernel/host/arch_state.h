/* SPDX-License-Identifier: BSD-2-Clause */
/* The stand-in architecture keeps no state of its own (fake_arch.c). */
#ifndef TESSERA_HOST_ARCH_STATE_H
#define TESSERA_HOST_ARCH_STATE_H

#define ARCH_STATE_DEFINE(parts, tables)

/* One CPU: no per-CPU state of the arch's own. */
#define ARCH_CPU_STATE_DEFINE(cpus)

#endif
