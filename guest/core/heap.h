/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A first-fit heap over caller-supplied memory areas (the region manager's
 * memory). Blocks tile each area; each starts with a header and sizes are
 * multiples of the page size, so every segment is page-aligned. Pure
 * bookkeeping: callers hold interrupts disabled.
 */
#ifndef TESSERA_EXEC_HEAP_H
#define TESSERA_EXEC_HEAP_H

#include <tessera/exec_types.h>

/* Smallest page size and alignment of every block. */
#define EXEC_HEAP_ALIGNMENT (2u * sizeof(void *))

/*
 * Sets up h over [start, start + size); page_size 0 means the minimum, other
 * values are rounded up to a multiple of it. Returns the usable size of the
 * one free block, or 0 if the area cannot hold a block.
 */
uintptr_t exec_heap_init(struct exec_heap *h, void *start, uintptr_t size, uintptr_t page_size);

/* Adds an area that overlaps none of h's; returns the usable size it adds, or 0. */
uintptr_t exec_heap_extend(struct exec_heap *h, void *start, uintptr_t size);

/* A page-aligned segment of at least size bytes, or NULL. */
void *exec_heap_allocate(struct exec_heap *h, uintptr_t size);

/* False if p is not an allocated segment of h. */
bool exec_heap_free(struct exec_heap *h, void *p);

/* Usable size of the allocated segment p; false if p is none. */
bool exec_heap_size_of(struct exec_heap *h, const void *p, uintptr_t *size);

enum exec_heap_resize { EXEC_HEAP_RESIZED, EXEC_HEAP_RESIZE_UNSATISFIED, EXEC_HEAP_NOT_A_SEGMENT };

/* Resizes p in place; *old_size gets its usable size before. */
enum exec_heap_resize exec_heap_resize(struct exec_heap *h, void *p, uintptr_t size,
                                       uintptr_t *old_size);

/* Counts of free and used blocks and the statistics. */
void exec_heap_information(const struct exec_heap *h, Heap_Information_block *info);

#endif
