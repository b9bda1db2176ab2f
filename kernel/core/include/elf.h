/* SPDX-License-Identifier: BSD-2-Clause */
/* Loading a partition's ELF image into its areas. */
#ifndef TESSERA_ELF_H
#define TESSERA_ELF_H

#include <stdint.h>
#include "cfg.h"

/* Checks the image of cfg and copies its loadable segments into the
 * partition's areas (through their physical addresses), zeroing what the
 * file does not cover. On success returns 0 and the ELF entry point in
 * *entry; otherwise returns -1 and a reason in *why, having written nothing
 * outside the partition's own areas. */
int elf_load(const struct cfg_partition *cfg, arch_addr_t *entry, const char **why);

/* The checks of elf_load alone: after they pass, every loadable segment
 * fits its area and elf_segment() may be used. */
int elf_check(const struct cfg_partition *cfg, arch_addr_t *entry, const char **why);

/* A loadable segment: copy filesz bytes from data to dst, zero the rest up
 * to memsz. dst is a kernel address inside the partition's area. */
struct elf_segment {
    const uint8_t *data;
    uint8_t *dst;
    arch_size_t filesz, memsz;
};

/* Number of program headers (loadable or not) of a checked image. */
uint32_t elf_segment_count(const struct cfg_partition *cfg);

/* Fills seg for program header index of a checked image; 0 if that header
 * loads nothing. */
int elf_segment(const struct cfg_partition *cfg, uint32_t index, struct elf_segment *seg);

#endif
