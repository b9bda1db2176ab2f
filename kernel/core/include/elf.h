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
int elf_load(const struct cfg_partition *cfg, uint32_t *entry, const char **why);

#endif
