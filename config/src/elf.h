/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Just enough of 32- and 64-bit ELF to check a partition image: the header and the
 * loadable segments, read byte by byte in the file's own byte order so the
 * host's order never matters.
 */
#ifndef TCFG_ELF_H
#define TCFG_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch.h"

#define TCFG_PF_X 0x1u
#define TCFG_PF_W 0x2u
#define TCFG_PF_R 0x4u

struct tcfg_elf {
    const uint8_t *data;
    size_t size;
    bool big_endian;
    bool is64; /* ELFCLASS64 (the arch's class; addresses must still fit 32 bits) */
    uint32_t phentsize;
    uint32_t entry;
    uint32_t phoff;
    uint16_t phnum;
};

struct tcfg_segment {
    uint32_t type, offset, vaddr, filesz, memsz, flags;
};

#define TCFG_PT_LOAD 1u

/* Checks the header for arch; NULL if usable, else what is wrong. */
const char *tcfg_elf_open(struct tcfg_elf *elf, const uint8_t *data, size_t size,
                          const struct tcfg_arch *arch, char *buf, size_t bufsize);
/* Program header i (< phnum); tcfg_elf_open() made sure all of them are in the file. */
struct tcfg_segment tcfg_elf_segment(const struct tcfg_elf *elf, unsigned i);

#endif
