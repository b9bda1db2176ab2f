/* SPDX-License-Identifier: BSD-2-Clause */
/* A stand-in architecture for running the arch-neutral kernel core on the
 * host in unit tests. */
#ifndef TESSERA_HOST_ARCH_TYPES_H
#define TESSERA_HOST_ARCH_TYPES_H

#include <stdint.h>
#include <arch_word.h> /* by -I order: host64/ first in the 64-bit test */

#define ARCH_ELF_MACHINE 3 /* behave like x86 so real test images load */
#define ARCH_ELF_DATA    1
#define ARCH_INSN_ALIGN  1

/* One CPU: a per-CPU variable is an ordinary one. */
#define ARCH_PER_CPU

struct arch_context {
    arch_word_t regs[6]; /* [0] = hypercall number / result, [1..5] = arguments */
};

struct arch_space {
    int built;
};

#endif
