/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One remembered area of a partition (uaccess.h: uaccess_ptr_cached): where
 * a range was last found, so that the next range in the same area is
 * checked with one comparison. Apart from uaccess.h so that the arch's
 * context (arch_types.h) can embed it without the configuration's types.
 */
#ifndef TESSERA_UACCESS_AREA_H
#define TESSERA_UACCESS_AREA_H

#include <stdint.h>
#include "arch_word.h"

struct uaccess_area {
    arch_addr_t virt;
    arch_size_t size; /* 0: nothing remembered */
    uint8_t *kernel;  /* the kernel address of virt */
};

#endif
