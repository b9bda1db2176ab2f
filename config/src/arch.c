/* SPDX-License-Identifier: BSD-2-Clause */
#include "arch.h"

#include <stddef.h>
#include <string.h>

/* Keep in step with the kernel's memory map (docs/configuration.md). */
static const struct tcfg_arch arches[] = {
    {
        .name = "x86",
        .phys_base = 0,
        .ram_base = 0,
        .ram_max = 1ull << 30,
        .kernel_base = 0,
        .kernel_end = 16ull << 20,
        .virt_base = 0x40000000,
        .virt_end = 0xF0000000,
        .elf_machine = 3, /* EM_386 */
        .big_endian = false,
        .elf_machine_name = "EM_386",
        .guard_ns = 10000,
    },
    {
        /* LEON3: RAM at physical 0x40000000; the kernel maps it from virtual
         * 0xF0000000 up to its MMIO window at 0xFF000000 (240 MiB), and puts
         * the control page at 0xEF000000 (docs/architecture.md). */
        .name = "sparc",
        .phys_base = 0x40000000,
        .ram_base = 0,
        .ram_max = 240ull << 20,
        .kernel_base = 0,
        .kernel_end = 16ull << 20,
        .virt_base = 0x40000000,
        .virt_end = 0xEF000000,
        .elf_machine = 2, /* EM_SPARC */
        .big_endian = true,
        .elf_machine_name = "EM_SPARC",
        .guard_ns = 10000,
    },
};

const struct tcfg_arch *tcfg_arch_find(const char *name)
{
    for (size_t i = 0; i < sizeof arches / sizeof arches[0]; i++)
        if (strcmp(arches[i].name, name) == 0)
            return &arches[i];
    return NULL;
}
