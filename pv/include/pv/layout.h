/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Compile-time checks of the structures the kernel and a guest share. Each
 * such structure is followed by a block of these asserts giving its size
 * and the offset of every field: the numbers are the ABI, the same on every
 * arch and on the host build (i386 aligns uint64_t to 4 inside structures,
 * SPARC and x86-64 to 8, so a layout that depends on alignment breaks the
 * build on one of them). Where alignment would pad, the structure names
 * the padding (reserved fields, zero), so the kernel never copies bytes it
 * did not write.
 */
#ifndef PV_LAYOUT_H
#define PV_LAYOUT_H

#include <stddef.h>

#define PV_ASSERT_SIZE(type, size) _Static_assert(sizeof(type) == (size), "sizeof(" #type ")")
#define PV_ASSERT_OFFSET(type, field, offset)                                                      \
    _Static_assert(offsetof(type, field) == (offset), "offsetof(" #type ", " #field ")")

#endif
