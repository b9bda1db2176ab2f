/* SPDX-License-Identifier: BSD-2-Clause */
#include "workspace.h"

#include <stdbool.h>
#include <stdint.h>
#include <tessera/exec_types.h>

/* Blocks tile the area; each starts with this header, padded to the alignment. */
struct block {
    size_t size; /* including the header */
    bool used;
};

#define HEADER_SIZE EXEC_WORKSPACE_ALIGNMENT
#define MIN_SPLIT   (2u * EXEC_WORKSPACE_ALIGNMENT)

_Static_assert(sizeof(struct block) <= HEADER_SIZE, "block header too large");
_Static_assert(HEADER_SIZE + EXEC_WORKSPACE_ALIGNMENT <= EXEC_WORKSPACE_OVERHEAD,
               "overhead promised to confdefs too small");

static char *area_begin;
static char *area_end;

static size_t align_up(size_t n)
{
    return (n + EXEC_WORKSPACE_ALIGNMENT - 1) & ~((size_t)EXEC_WORKSPACE_ALIGNMENT - 1);
}

void exec_workspace_init(void *area, size_t size)
{
    uintptr_t begin = ((uintptr_t)area + EXEC_WORKSPACE_ALIGNMENT - 1) &
                      ~((uintptr_t)EXEC_WORKSPACE_ALIGNMENT - 1);
    uintptr_t end = ((uintptr_t)area + size) & ~((uintptr_t)EXEC_WORKSPACE_ALIGNMENT - 1);
    struct block *b;

    area_begin = NULL;
    area_end = NULL;
    if (area == NULL || end <= begin + HEADER_SIZE) {
        return;
    }
    area_begin = (char *)begin;
    area_end = (char *)end;
    b = (struct block *)(void *)area_begin;
    b->size = (size_t)(end - begin);
    b->used = false;
}

static struct block *next_block(struct block *b)
{
    char *next = (char *)b + b->size;

    return next < area_end ? (struct block *)(void *)next : NULL;
}

void *exec_workspace_allocate(size_t size)
{
    size_t need = HEADER_SIZE + align_up(size == 0 ? 1 : size);

    if (area_begin == NULL || size > (size_t)(area_end - area_begin)) {
        return NULL;
    }
    for (struct block *b = (struct block *)(void *)area_begin; b != NULL; b = next_block(b)) {
        if (b->used || b->size < need) {
            continue;
        }
        if (b->size - need >= MIN_SPLIT) {
            struct block *rest = (struct block *)(void *)((char *)b + need);

            rest->size = b->size - need;
            rest->used = false;
            b->size = need;
        }
        b->used = true;
        return (char *)b + HEADER_SIZE;
    }
    return NULL;
}

void exec_workspace_free(void *p)
{
    struct block *b;

    if (p == NULL) {
        return;
    }
    ((struct block *)(void *)((char *)p - HEADER_SIZE))->used = false;
    /* Merge every run of free neighbours; the list is short. */
    for (b = (struct block *)(void *)area_begin; b != NULL; b = next_block(b)) {
        struct block *n;

        while (!b->used && (n = next_block(b)) != NULL && !n->used) {
            b->size += n->size;
        }
    }
}

size_t exec_workspace_largest_free(void)
{
    size_t largest = 0;

    if (area_begin == NULL) {
        return 0;
    }
    for (struct block *b = (struct block *)(void *)area_begin; b != NULL; b = next_block(b)) {
        if (!b->used && b->size - HEADER_SIZE > largest) {
            largest = b->size - HEADER_SIZE;
        }
    }
    return largest;
}
