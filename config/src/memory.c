/* SPDX-License-Identifier: BSD-2-Clause */
/* Spatial checks: every area against the machine, and areas against each other. */
#include <stddef.h>
#include <inttypes.h>
#include <stdlib.h>

#include "tcfg.h"
#include "util.h"

/* Ranges are computed in 64 bits, so an area reaching 4 GiB cannot wrap. */
static uint64_t end(uint32_t start, uint32_t size)
{
    return (uint64_t)start + size;
}

static bool overlap(uint32_t a, uint32_t asize, uint32_t b, uint32_t bsize)
{
    return a < end(b, bsize) && b < end(a, asize);
}

static void check_area(struct tcfg_diag *d, const struct tcfg_system *s, const struct tcfg_area *a)
{
    const struct tcfg_arch *arch = s->arch;
    if (a->phys % TCFG_PAGE_SIZE) {
        tcfg_error(d, &a->at, "physical address 0x%08" PRIx32 " is not page aligned (4 KiB)",
                   a->phys);
    }
    if (a->virt % TCFG_PAGE_SIZE) {
        tcfg_error(d, &a->at, "virtual address 0x%08" PRIx32 " is not page aligned (4 KiB)",
                   a->virt);
    }
    if (a->size % TCFG_PAGE_SIZE) {
        tcfg_error(d, &a->at, "size 0x%" PRIx32 " is not a multiple of the page size (4 KiB)",
                   a->size);
    }
    uint64_t pe = end(a->phys, a->size), ve = end(a->virt, a->size);
    if (!s->ram_bad && (a->phys < arch->ram_base || pe > arch->ram_base + s->ram)) {
        tcfg_error(d, &a->at,
                   "physical [0x%08" PRIx32 ", 0x%08" PRIx64 ") is outside RAM [0x%08" PRIx64
                   ", 0x%08" PRIx64 ")",
                   a->phys, pe, arch->ram_base, arch->ram_base + s->ram);
    }
    if (a->phys < arch->kernel_end && pe > arch->kernel_base) {
        tcfg_error(d, &a->at,
                   "physical [0x%08" PRIx32 ", 0x%08" PRIx64
                   ") collides with the kernel's reserved region [0x%08" PRIx64 ", 0x%08" PRIx64
                   ")",
                   a->phys, pe, arch->kernel_base, arch->kernel_end);
    }
    if (a->virt < arch->virt_base || ve > arch->virt_end) {
        tcfg_error(d, &a->at,
                   "virtual [0x%08" PRIx32 ", 0x%08" PRIx64
                   ") is outside the partition virtual range [0x%08" PRIx64 ", 0x%08" PRIx64 ")",
                   a->virt, ve, arch->virt_base, arch->virt_end);
    }
}

static bool usable(const struct tcfg_area *a)
{
    return !a->bad && a->size != 0;
}

/* The clashes of one area with the areas before it in the document: the
 * first of each kind and how many more, so that each offending area is
 * reported once (n areas on one page: n lines, not n^2 / 2). */
enum clash { VIRT_SAME, PHYS_SAME, PHYS_OTHER, CLASHES };

struct clashes {
    const struct tcfg_partition *part[CLASHES];
    const struct tcfg_area *first[CLASHES];
    size_t count[CLASHES];
};

static void note(struct clashes *c, enum clash kind, const struct tcfg_partition *pa,
                 const struct tcfg_area *a)
{
    if (!c->count[kind]++) {
        c->part[kind] = pa;
        c->first[kind] = a;
    }
}

/* Area b comes after area a in the document; b gets the message. */
static void check_pair(struct clashes *c, const struct tcfg_partition *pa,
                       const struct tcfg_area *a, const struct tcfg_partition *pb,
                       const struct tcfg_area *b)
{
    if (pa == pb && overlap(a->virt, a->size, b->virt, b->size)) {
        note(c, VIRT_SAME, pa, a);
    }
    if (!overlap(a->phys, a->size, b->phys, b->size)) {
        return;
    }
    if (pa == pb) {
        note(c, PHYS_SAME, pa, a);
    } else if (!a->shared || !b->shared) {
        note(c, PHYS_OTHER, pa, a);
    }
}

/* " and 3 more areas" after the first clash, or nothing. */
static char *more(size_t count)
{
    if (count <= 1) {
        return xstrdup("");
    }
    return xasprintf(" and %zu more area%s", count - 1, count == 2 ? "" : "s");
}

static void report(struct tcfg_diag *d, const struct tcfg_area *b, const struct clashes *c)
{
    char *m;
    if (c->count[VIRT_SAME]) {
        m = more(c->count[VIRT_SAME]);
        tcfg_error(d, &b->at,
                   "virtual [0x%08" PRIx32 ", 0x%08" PRIx64 ") overlaps area \"%s\" (line %lu)%s",
                   b->virt, end(b->virt, b->size), c->first[VIRT_SAME]->name,
                   c->first[VIRT_SAME]->at.line, m);
        free(m);
    }
    if (c->count[PHYS_SAME]) {
        m = more(c->count[PHYS_SAME]);
        tcfg_error(d, &b->at,
                   "physical [0x%08" PRIx32 ", 0x%08" PRIx64
                   ") overlaps area \"%s\" of the same partition (line %lu)%s",
                   b->phys, end(b->phys, b->size), c->first[PHYS_SAME]->name,
                   c->first[PHYS_SAME]->at.line, m);
        free(m);
    }
    if (c->count[PHYS_OTHER]) {
        m = more(c->count[PHYS_OTHER]);
        tcfg_error(d, &b->at,
                   "physical [0x%08" PRIx32 ", 0x%08" PRIx64
                   ") overlaps area \"%s\" of partition \"%s\" (line %lu)%s; only areas that "
                   "are both shared=\"yes\" may share memory",
                   b->phys, end(b->phys, b->size), c->first[PHYS_OTHER]->name,
                   c->part[PHYS_OTHER]->name, c->first[PHYS_OTHER]->at.line, m);
        free(m);
    }
}

void tcfg_check_memory(struct tcfg_diag *diag, const struct tcfg_system *sys)
{
    for (size_t i = 0; i < sys->num_partitions; i++) {
        const struct tcfg_partition *p = &sys->partitions[i];
        for (size_t k = 0; k < p->num_areas; k++) {
            const struct tcfg_area *a = &p->areas[k];
            if (a->bad) {
                continue;
            }
            if (a->size == 0) {
                tcfg_error(diag, &a->at, "size is zero");
            } else {
                check_area(diag, sys, a);
            }
        }
    }
    /* Document order: the later of two clashing areas is the one reported. */
    for (size_t j = 0; j < sys->num_partitions; j++) {
        const struct tcfg_partition *pb = &sys->partitions[j];
        for (size_t l = 0; l < pb->num_areas; l++) {
            struct clashes c = {NULL};
            if (!usable(&pb->areas[l])) {
                continue;
            }
            for (size_t i = 0; i <= j; i++) {
                const struct tcfg_partition *pa = &sys->partitions[i];
                size_t lim = i == j ? l : pa->num_areas;
                for (size_t k = 0; k < lim; k++) {
                    if (usable(&pa->areas[k])) {
                        check_pair(&c, pa, &pa->areas[k], pb, &pb->areas[l]);
                    }
                }
            }
            report(diag, &pb->areas[l], &c);
        }
    }
    tcfg_check_page_tables(diag, sys);
}
