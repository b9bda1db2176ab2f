/* SPDX-License-Identifier: BSD-2-Clause */
#include "heap.h"

/* Lies at the (pointer-aligned) start of each area, before its blocks. */
struct exec_heap_area {
    struct exec_heap_area *next;
    char *begin; /* first block */
    char *end;   /* after the last block */
    char *raw_begin;
    char *raw_end;
};

struct block {
    uintptr_t size; /* with the header */
    uintptr_t used;
};

static uintptr_t align_up(uintptr_t n, uintptr_t a)
{
    return (n + a - 1) / a * a;
}

static uintptr_t header_size(const struct exec_heap *h)
{
    return align_up(sizeof(struct block), h->page_size);
}

static uintptr_t min_block(const struct exec_heap *h)
{
    return header_size(h) + h->page_size;
}

static struct block *block_at(char *p)
{
    return (struct block *)(void *)p;
}

static struct block *next_of(const struct exec_heap_area *a, struct block *b)
{
    char *next = (char *)b + b->size;

    return next < a->end ? block_at(next) : NULL;
}

static void note_free_change(struct exec_heap *h, intptr_t bytes, int32_t blocks)
{
    h->stats.free_size = (uintptr_t)((intptr_t)h->stats.free_size + bytes);
    h->stats.free_blocks = (uint32_t)((int32_t)h->stats.free_blocks + blocks);
    if (h->stats.free_size < h->stats.min_free_size) {
        h->stats.min_free_size = h->stats.free_size;
    }
    if (h->stats.free_blocks > h->stats.max_free_blocks) {
        h->stats.max_free_blocks = h->stats.free_blocks;
    }
}

/* Lays out an area; returns its one free block's usable size, or 0. */
static uintptr_t add_area(struct exec_heap *h, void *start, uintptr_t size)
{
    uintptr_t raw = (uintptr_t)start;
    uintptr_t area = align_up(raw, sizeof(void *));
    uintptr_t first, end;
    struct exec_heap_area *a;
    struct block *b;

    if (start == NULL || size > UINTPTR_MAX - raw) {
        return 0;
    }
    end = (raw + size) / h->page_size * h->page_size;
    first = align_up(area + sizeof(struct exec_heap_area), h->page_size);
    if (first >= end || end - first < min_block(h)) {
        return 0;
    }
    a = (struct exec_heap_area *)(void *)area;
    a->begin = (char *)first;
    a->end = (char *)end;
    a->raw_begin = start;
    a->raw_end = (char *)start + size;
    a->next = h->areas;
    h->areas = a;
    b = block_at(a->begin);
    b->size = end - first;
    b->used = 0;
    h->stats.size += b->size;
    note_free_change(h, (intptr_t)b->size, 1);
    return b->size - header_size(h);
}

uintptr_t exec_heap_init(struct exec_heap *h, void *start, uintptr_t size, uintptr_t page_size)
{
    h->areas = NULL;
    h->page_size = page_size == 0 ? EXEC_HEAP_ALIGNMENT : align_up(page_size, EXEC_HEAP_ALIGNMENT);
    h->stats = (Heap_Statistics){0};
    h->stats.min_free_size = UINTPTR_MAX;
    return add_area(h, start, size);
}

uintptr_t exec_heap_extend(struct exec_heap *h, void *start, uintptr_t size)
{
    uintptr_t begin = (uintptr_t)start;

    if (size > UINTPTR_MAX - begin) {
        return 0;
    }
    for (const struct exec_heap_area *a = h->areas; a != NULL; a = a->next) {
        if (begin < (uintptr_t)a->raw_end && (uintptr_t)a->raw_begin < begin + size) {
            return 0;
        }
    }
    return add_area(h, start, size);
}

static void split(struct exec_heap *h, const struct exec_heap_area *a, struct block *b,
                  uintptr_t need)
{
    struct block *rest;
    struct block *after;

    if (b->size - need < min_block(h)) {
        return;
    }
    rest = block_at((char *)b + need);
    rest->size = b->size - need;
    rest->used = 0;
    b->size = need;
    note_free_change(h, (intptr_t)rest->size, 1);
    after = next_of(a, rest);
    if (after != NULL && !after->used) {
        rest->size += after->size;
        note_free_change(h, 0, -1);
    }
}

void *exec_heap_allocate(struct exec_heap *h, uintptr_t size)
{
    uintptr_t payload = size == 0 ? 1 : size;
    uintptr_t need;
    uint32_t searched = 0;

    if (payload > UINTPTR_MAX - header_size(h) - h->page_size) {
        h->stats.failed_allocs++;
        return NULL;
    }
    need = header_size(h) + align_up(payload, h->page_size);
    h->stats.searches++;
    for (struct exec_heap_area *a = h->areas; a != NULL; a = a->next) {
        for (struct block *b = block_at(a->begin); b != NULL; b = next_of(a, b)) {
            searched++;
            if (b->used || b->size < need) {
                continue;
            }
            note_free_change(h, -(intptr_t)b->size, -1);
            b->used = 1;
            split(h, a, b, need);
            h->stats.used_blocks++;
            h->stats.allocs++;
            h->stats.lifetime_allocated += b->size;
            h->stats.max_search = searched > h->stats.max_search ? searched : h->stats.max_search;
            return (char *)b + header_size(h);
        }
    }
    h->stats.failed_allocs++;
    h->stats.max_search = searched > h->stats.max_search ? searched : h->stats.max_search;
    return NULL;
}

/* The used block of segment p, its predecessor and its area; false if none. */
static bool find(const struct exec_heap *h, const void *p, struct exec_heap_area **area,
                 struct block **block, struct block **prev)
{
    for (struct exec_heap_area *a = h->areas; a != NULL; a = a->next) {
        struct block *before = NULL;

        if ((const char *)p < a->begin || (const char *)p >= a->end) {
            continue;
        }
        for (struct block *b = block_at(a->begin); b != NULL; before = b, b = next_of(a, b)) {
            if ((const char *)b + header_size(h) == (const char *)p && b->used) {
                *area = a;
                *block = b;
                *prev = before;
                return true;
            }
        }
    }
    return false;
}

bool exec_heap_free(struct exec_heap *h, void *p)
{
    struct exec_heap_area *a;
    struct block *b, *prev, *next;

    if (!find(h, p, &a, &b, &prev)) {
        return false;
    }
    h->stats.used_blocks--;
    h->stats.frees++;
    h->stats.lifetime_freed += b->size;
    b->used = 0;
    note_free_change(h, (intptr_t)b->size, 1);
    next = next_of(a, b);
    if (next != NULL && !next->used) {
        b->size += next->size;
        note_free_change(h, 0, -1);
    }
    if (prev != NULL && !prev->used) {
        prev->size += b->size;
        note_free_change(h, 0, -1);
    }
    return true;
}

bool exec_heap_size_of(struct exec_heap *h, const void *p, uintptr_t *size)
{
    struct exec_heap_area *a;
    struct block *b, *prev;

    if (!find(h, p, &a, &b, &prev)) {
        return false;
    }
    *size = b->size - header_size(h);
    return true;
}

enum exec_heap_resize exec_heap_resize(struct exec_heap *h, void *p, uintptr_t size,
                                       uintptr_t *old_size)
{
    struct exec_heap_area *a;
    struct block *b, *prev;
    uintptr_t payload = size == 0 ? 1 : size;
    uintptr_t need;

    if (!find(h, p, &a, &b, &prev)) {
        return EXEC_HEAP_NOT_A_SEGMENT;
    }
    *old_size = b->size - header_size(h);
    if (payload > UINTPTR_MAX - header_size(h) - h->page_size) {
        return EXEC_HEAP_RESIZE_UNSATISFIED;
    }
    need = header_size(h) + align_up(payload, h->page_size);
    if (need > b->size) {
        struct block *next = next_of(a, b);

        if (next == NULL || next->used || b->size + next->size < need) {
            return EXEC_HEAP_RESIZE_UNSATISFIED;
        }
        note_free_change(h, -(intptr_t)next->size, -1);
        b->size += next->size;
    }
    split(h, a, b, need);
    h->stats.resizes++;
    return EXEC_HEAP_RESIZED;
}

void exec_heap_information(const struct exec_heap *h, Heap_Information_block *info)
{
    *info = (Heap_Information_block){0};
    for (struct exec_heap_area *a = h->areas; a != NULL; a = a->next) {
        for (struct block *b = block_at(a->begin); b != NULL; b = next_of(a, b)) {
            Heap_Information *which = b->used ? &info->Used : &info->Free;

            which->number++;
            which->total += b->size;
            which->largest = b->size > which->largest ? b->size : which->largest;
        }
    }
    info->Stats = h->stats;
}
