/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel maps every partition's areas and control page from one pool of
 * page tables (ARCH_PAGE_TABLES); a partition whose tables do not fit would
 * not be started. Counted here the way the kernel allocates them, in
 * partition order.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "tcfg.h"
#include "util.h"

struct key_range {
    uint64_t first, last;
};

static int by_first(const void *a, const void *b)
{
    const struct key_range *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Distinct keys (va >> shift) in the union of the ranges. */
static uint64_t distinct(struct key_range *r, size_t n)
{
    uint64_t count = 0, next = 0; /* keys below next are counted */
    qsort(r, n, sizeof *r, by_first);
    for (size_t i = 0; i < n; i++) {
        uint64_t from = r[i].first > next ? r[i].first : next;
        if (r[i].last >= from) {
            count += r[i].last - from + 1;
            next = r[i].last + 1;
        }
    }
    return count;
}

static bool mapped(const struct tcfg_area *a, const struct tcfg_arch *arch)
{
    uint64_t end = (uint64_t)a->virt + a->size;
    return !a->bad && a->size != 0 && a->virt >= arch->virt_base && end <= arch->virt_end;
}

/* The tables the kernel takes from the pool to map p. */
static uint64_t tables_needed(const struct tcfg_partition *p, const struct tcfg_arch *arch)
{
    struct key_range *r = xcalloc(p->num_areas + 1, sizeof *r);
    uint64_t total = 0;
    for (size_t s = 0; s < sizeof arch->table_shifts && arch->table_shifts[s]; s++) {
        unsigned shift = arch->table_shifts[s];
        size_t n = 0;
        for (size_t k = 0; k < p->num_areas; k++) {
            const struct tcfg_area *a = &p->areas[k];
            if (!mapped(a, arch)) {
                continue;
            }
            r[n++] =
                (struct key_range){a->virt >> shift, ((uint64_t)a->virt + a->size - 1) >> shift};
        }
        r[n].first = r[n].last = arch->virt_end >> shift; /* the control page */
        total += distinct(r, n + 1);
    }
    free(r);
    return total;
}

void tcfg_check_page_tables(struct tcfg_diag *d, const struct tcfg_system *sys)
{
    const struct tcfg_arch *arch = sys->arch;
    uint64_t used = 0;
    for (size_t i = 0; i < sys->num_partitions; i++) {
        const struct tcfg_partition *p = &sys->partitions[i];
        uint64_t need = tables_needed(p, arch);
        if (used + need > arch->page_tables) {
            tcfg_error(d, &p->at,
                       "its areas need %" PRIu64 " page tables; the %s kernel's pool of %" PRIu32
                       " has %" PRIu64 " left after the partitions before it",
                       need, arch->name, arch->page_tables, arch->page_tables - used);
            return; /* the partitions after it would be refused for the same reason */
        }
        used += need;
    }
}

uint64_t tcfg_page_tables_used(const struct tcfg_system *sys)
{
    uint64_t used = 0;
    for (size_t i = 0; i < sys->num_partitions; i++) {
        used += tables_needed(&sys->partitions[i], sys->arch);
    }
    return used;
}
