/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The executive's workspace: one area from the configuration (sized by
 * confdefs for stacks and message buffers), first-fit allocation with
 * coalescing. Callers hold interrupts disabled.
 */
#ifndef TESSERA_EXEC_WORKSPACE_H
#define TESSERA_EXEC_WORKSPACE_H

#include <stddef.h>

void exec_workspace_init(void *area, size_t size);
void *exec_workspace_allocate(size_t size);
void exec_workspace_free(void *p);
/* Bytes available in the largest free block (for tests). */
size_t exec_workspace_largest_free(void);

#endif
