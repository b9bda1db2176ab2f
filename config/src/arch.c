/* SPDX-License-Identifier: BSD-2-Clause */
#include "arch.h"

#include <stddef.h>
#include <string.h>

const struct tcfg_arch *tcfg_arch_find(const char *name)
{
    static const struct tcfg_arch *const arches[] = {&tcfg_arch_x86, &tcfg_arch_sparc,
                                                     &tcfg_arch_riscv};

    for (size_t i = 0; i < sizeof arches / sizeof arches[0]; i++) {
        if (strcmp(arches[i]->name, name) == 0) {
            return arches[i];
        }
    }
    return NULL;
}
