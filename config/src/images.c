/* SPDX-License-Identifier: BSD-2-Clause */
/* Partition images against the partition's areas: segments, rights, entry point. */
#include <stddef.h>
#include <inttypes.h>
#include <stdlib.h>

#include "elf.h"
#include "tcfg.h"

static const char *rights_str(uint32_t rights)
{
    static const char *const names[] = {"", "r", "w", "rw", "x", "rx", "wx", "rwx"};
    return names[rights & 7];
}

/* Segment flags (PF_*) in area-rights order. */
static uint32_t pf_to_rights(uint32_t pf)
{
    return (pf & TCFG_PF_R ? TCFG_R : 0) | (pf & TCFG_PF_W ? TCFG_W : 0) |
           (pf & TCFG_PF_X ? TCFG_X : 0);
}

static const struct tcfg_area *containing(const struct tcfg_partition *p, uint64_t start,
                                          uint64_t end, uint32_t need)
{
    for (size_t i = 0; i < p->num_areas; i++) {
        const struct tcfg_area *a = &p->areas[i];
        if (a->bad || a->size == 0 || (a->rights & need) != need) {
            continue;
        }
        if (start >= a->virt && end <= (uint64_t)a->virt + a->size) {
            return a;
        }
    }
    return NULL;
}

static void check_entry(struct tcfg_diag *d, const struct tcfg_partition *p,
                        const struct tcfg_arch *arch, const char *origin)
{
    /* The kernel resumes a partition there with jmp/rett on SPARC, which
     * with traps off cannot take an alignment trap: it refuses such an entry. */
    if (p->entry % arch->insn_align) {
        tcfg_error(d, &p->at, "entry point 0x%08" PRIx32 "%s is not %" PRIu32 "-byte aligned",
                   p->entry, origin, arch->insn_align);
    } else if (!containing(p, p->entry, (uint64_t)p->entry + 1, TCFG_X)) {
        tcfg_error(d, &p->at, "entry point 0x%08" PRIx32 "%s is not inside an executable area",
                   p->entry, origin);
    }
}

static void check_segment(struct tcfg_diag *d, const struct tcfg_partition *p,
                          const struct tcfg_elf *elf, unsigned i)
{
    struct tcfg_segment s = tcfg_elf_segment(elf, i);
    uint64_t end = (uint64_t)s.vaddr + s.memsz;
    uint32_t r = pf_to_rights(s.flags);
    if (s.filesz > s.memsz) {
        tcfg_error(d, &p->at, "image \"%s\": segment %u has more file than memory bytes", p->image,
                   i);
        return;
    }
    if ((uint64_t)s.offset + s.filesz > elf->size) {
        tcfg_error(d, &p->at, "image \"%s\": segment %u extends past the end of the file", p->image,
                   i);
        return;
    }
    if (s.memsz == 0) {
        return;
    }
    if (!containing(p, s.vaddr, end, 0)) {
        tcfg_error(d, &p->at,
                   "image \"%s\": segment %u [0x%08" PRIx32 ", 0x%08" PRIx64
                   ") is not inside one area of the partition",
                   p->image, i, s.vaddr, end);
        return;
    }
    if (!containing(p, s.vaddr, end, r & (TCFG_W | TCFG_X))) {
        const struct tcfg_area *a = containing(p, s.vaddr, end, 0);
        tcfg_error(d, &p->at,
                   "image \"%s\": segment %u [0x%08" PRIx32 ", 0x%08" PRIx64
                   ") needs rights \"%s\" but area \"%s\" has \"%s\"",
                   p->image, i, s.vaddr, end, rights_str(r | TCFG_R), a->name,
                   rights_str(a->rights));
    }
}

static void check_image(const struct tcfg_options *opts, struct tcfg_diag *d,
                        struct tcfg_partition *p, const struct tcfg_arch *arch)
{
    struct tcfg_image img = {NULL};
    const char *why = opts->load_image(opts->loader_ctx, p->image, &img);
    if (why) {
        tcfg_error(d, &p->at, "image \"%s\" %s", p->image, why);
        free(img.data);
        free(img.path);
        return;
    }
    if (img.size > UINT32_MAX) {
        tcfg_error(d, &p->at, "image \"%s\" is larger than 4 GiB", p->image);
        free(img.data);
        free(img.path);
        return;
    }
    p->image_path = img.path;
    p->image_size = (uint32_t)img.size;
    struct tcfg_elf elf;
    char buf[128];
    why = tcfg_elf_open(&elf, img.data, img.size, arch, buf, sizeof buf);
    if (why) {
        tcfg_error(d, &p->at, "image \"%s\" %s", p->image, why);
    } else {
        unsigned loads = 0;
        for (unsigned i = 0; i < elf.phnum; i++) {
            if (tcfg_elf_segment(&elf, i).type != TCFG_PT_LOAD) {
                continue;
            }
            loads++;
            check_segment(d, p, &elf, i);
        }
        if (!loads) {
            tcfg_error(d, &p->at, "image \"%s\" has no loadable segment", p->image);
        }
        /* The kernel's loader checks the header's entry point even when the
         * XML overrides it, so an override cannot excuse a bad header. */
        uint32_t entry = p->entry;
        p->entry = elf.entry;
        check_entry(d, p, arch, " (from the ELF header)");
        if (p->has_entry) {
            p->entry = entry;
        }
    }
    free(img.data);
}

void tcfg_check_images(const struct tcfg_options *opts, struct tcfg_diag *diag,
                       struct tcfg_system *sys)
{
    for (size_t i = 0; i < sys->num_partitions; i++) {
        struct tcfg_partition *p = &sys->partitions[i];
        if (p->has_entry) {
            check_entry(diag, p, sys->arch, "");
        }
        if (opts && opts->load_image) {
            check_image(opts, diag, p, sys->arch);
        }
    }
}
