/* SPDX-License-Identifier: BSD-2-Clause */
#include "elf.h"
#include "arch.h"
#include "kstring.h"
#include "uaccess.h"

/* The ELF structures and constants this loader uses (ELF specification).
 * The class follows the arch's word: ELF32 where a word is 32 bits, ELF64
 * where it is 64. */
struct elf32_ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf32_phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

struct elf64_ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

#define ELF_CLASS32   1
#define ELF_CLASS64   2
#define ELF_TYPE_EXEC 2
#define ELF_PT_LOAD   1
#define ELF_PF_X      1
#define ELF_PF_W      2
#define ELF_PF_R      4

#define ELF_IS64  (ARCH_WORD_BITS == 64)
#define ELF_CLASS (ELF_IS64 ? ELF_CLASS64 : ELF_CLASS32)
/* The alignment the image and its program headers need (their widest field). */
#define ELF_ALIGN_MASK (ELF_IS64 ? 7u : 3u)
#define ELF_PH_SIZE    (ELF_IS64 ? sizeof(struct elf64_phdr) : sizeof(struct elf32_phdr))

/* The header fields the loader uses, whatever the class. */
struct elf_header {
    uint16_t type, machine, phentsize, phnum;
    uint64_t entry, phoff;
};

struct elf_phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, filesz, memsz;
};

static void read_header(const struct cfg_partition *cfg, struct elf_header *h)
{
    if (ELF_IS64) {
        const struct elf64_ehdr *e = (const void *)cfg->image;

        *h = (struct elf_header){e->type, e->machine, e->phentsize, e->phnum, e->entry, e->phoff};
    } else {
        const struct elf32_ehdr *e = (const void *)cfg->image;

        *h = (struct elf_header){e->type, e->machine, e->phentsize, e->phnum, e->entry, e->phoff};
    }
}

/* Program header i of a checked image. */
static void read_phdr(const struct cfg_partition *cfg, uint32_t i, struct elf_phdr *ph)
{
    struct elf_header h;

    read_header(cfg, &h);
    if (ELF_IS64) {
        const struct elf64_phdr *p = (const void *)(cfg->image + h.phoff);

        *ph = (struct elf_phdr){p[i].type,  p[i].flags,  p[i].offset,
                                p[i].vaddr, p[i].filesz, p[i].memsz};
    } else {
        const struct elf32_phdr *p = (const void *)(cfg->image + h.phoff);

        *ph = (struct elf_phdr){p[i].type,  p[i].flags,  p[i].offset,
                                p[i].vaddr, p[i].filesz, p[i].memsz};
    }
}

static int fail(const char **why, const char *reason)
{
    *why = reason;
    return -1;
}

static int check_header(const struct cfg_partition *cfg, struct elf_header *h, const char **why)
{
    const uint8_t *ident = cfg->image;

    if (cfg->image_size < (ELF_IS64 ? sizeof(struct elf64_ehdr) : sizeof(struct elf32_ehdr)) ||
        ((uintptr_t)cfg->image & ELF_ALIGN_MASK)) {
        return fail(why, "image too small or misaligned");
    }
    if (ident[0] != 0x7f || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F') {
        return fail(why, "not an ELF file");
    }
    read_header(cfg, h);
    if (ident[4] != ELF_CLASS || ident[5] != ARCH_ELF_DATA || h->machine != ARCH_ELF_MACHINE) {
        return fail(why, "ELF class, byte order or machine is not this architecture's");
    }
    if (h->type != ELF_TYPE_EXEC) {
        return fail(why, "ELF file is not an executable");
    }
    if (h->phentsize != ELF_PH_SIZE || (h->phoff & ELF_ALIGN_MASK)) {
        return fail(why, "bad program header size or alignment");
    }
    if (h->phoff > cfg->image_size ||
        (uint64_t)h->phnum * ELF_PH_SIZE > cfg->image_size - h->phoff) {
        return fail(why, "program headers outside the image");
    }
    return 0;
}

static uint32_t segment_rights(uint32_t flags)
{
    uint32_t r = 0;

    if (flags & ELF_PF_R) {
        r |= CFG_AREA_READ;
    }
    if (flags & ELF_PF_W) {
        r |= CFG_AREA_WRITE;
    }
    if (flags & ELF_PF_X) {
        r |= CFG_AREA_EXEC;
    }
    return r;
}

int elf_check(const struct cfg_partition *cfg, arch_addr_t *entry, const char **why)
{
    struct elf_header h;
    struct elf_phdr ph;
    arch_addr_t phys;

    if (check_header(cfg, &h, why)) {
        return -1;
    }
    for (uint32_t i = 0; i < h.phnum; i++) {
        read_phdr(cfg, i, &ph);
        if (ph.type != ELF_PT_LOAD || ph.memsz == 0) {
            continue;
        }
        if (ph.filesz > ph.memsz || ph.offset > cfg->image_size ||
            ph.filesz > cfg->image_size - ph.offset) {
            return fail(why, "segment data outside the image");
        }
        if (ph.vaddr != (arch_addr_t)ph.vaddr || ph.memsz != (arch_size_t)ph.memsz ||
            uaccess_range(cfg, (arch_addr_t)ph.vaddr, (arch_size_t)ph.memsz,
                          segment_rights(ph.flags), &phys)) {
            return fail(why, "segment not inside one area with the rights it needs");
        }
    }
    if ((h.entry & (ARCH_INSN_ALIGN - 1)) || h.entry != (arch_addr_t)h.entry ||
        uaccess_range(cfg, (arch_addr_t)h.entry, 1, CFG_AREA_EXEC, &phys)) {
        return fail(why, "entry point not in an executable area");
    }
    *entry = (arch_addr_t)h.entry;
    return 0;
}

uint32_t elf_segment_count(const struct cfg_partition *cfg)
{
    struct elf_header h;

    read_header(cfg, &h);
    return h.phnum;
}

int elf_segment(const struct cfg_partition *cfg, uint32_t index, struct elf_segment *seg)
{
    struct elf_phdr ph;

    if (index >= elf_segment_count(cfg)) {
        return 0;
    }
    read_phdr(cfg, index, &ph);
    if (ph.type != ELF_PT_LOAD || ph.memsz == 0) {
        return 0;
    }
    seg->data = cfg->image + ph.offset;
    seg->dst = uaccess_ptr(cfg, (arch_addr_t)ph.vaddr, (arch_size_t)ph.memsz, 0);
    seg->filesz = (arch_size_t)ph.filesz;
    seg->memsz = (arch_size_t)ph.memsz;
    return 1;
}

int elf_load(const struct cfg_partition *cfg, arch_addr_t *entry, const char **why)
{
    struct elf_segment seg;

    if (elf_check(cfg, entry, why)) {
        return -1;
    }
    for (uint32_t i = 0; i < elf_segment_count(cfg); i++) {
        if (!elf_segment(cfg, i, &seg)) {
            continue;
        }
        memcpy(seg.dst, seg.data, seg.filesz);
        memset(seg.dst + seg.filesz, 0, seg.memsz - seg.filesz);
    }
    return 0;
}
