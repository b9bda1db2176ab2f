/* SPDX-License-Identifier: BSD-2-Clause */
#include "elf.h"
#include "arch.h"
#include "kstring.h"
#include "uaccess.h"

/* The ELF32 structures and constants this loader uses (ELF specification). */
struct elf32_ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf32_phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

#define ELF_CLASS32   1
#define ELF_TYPE_EXEC 2
#define ELF_PT_LOAD   1
#define ELF_PF_X      1
#define ELF_PF_W      2
#define ELF_PF_R      4

static int fail(const char **why, const char *reason)
{
    *why = reason;
    return -1;
}

static int check_header(const struct cfg_partition *cfg, const struct elf32_ehdr *eh,
                        const char **why)
{
    if (cfg->image_size < sizeof(*eh) || ((uintptr_t)cfg->image & 3))
        return fail(why, "image too small or misaligned");
    if (eh->ident[0] != 0x7f || eh->ident[1] != 'E' || eh->ident[2] != 'L' || eh->ident[3] != 'F')
        return fail(why, "not an ELF file");
    if (eh->ident[4] != ELF_CLASS32 || eh->ident[5] != ARCH_ELF_DATA ||
        eh->machine != ARCH_ELF_MACHINE)
        return fail(why, "ELF class, byte order or machine is not this architecture's");
    if (eh->type != ELF_TYPE_EXEC)
        return fail(why, "ELF file is not an executable");
    if (eh->phentsize != sizeof(struct elf32_phdr) || (eh->phoff & 3))
        return fail(why, "bad program header size or alignment");
    if (eh->phoff > cfg->image_size ||
        (uint32_t)eh->phnum * sizeof(struct elf32_phdr) > cfg->image_size - eh->phoff)
        return fail(why, "program headers outside the image");
    return 0;
}

static uint32_t segment_rights(uint32_t flags)
{
    uint32_t r = 0;

    if (flags & ELF_PF_R)
        r |= CFG_AREA_READ;
    if (flags & ELF_PF_W)
        r |= CFG_AREA_WRITE;
    if (flags & ELF_PF_X)
        r |= CFG_AREA_EXEC;
    return r;
}

int elf_check(const struct cfg_partition *cfg, arch_addr_t *entry, const char **why)
{
    const struct elf32_ehdr *eh = (const void *)cfg->image;
    const struct elf32_phdr *ph;
    arch_addr_t phys;

    if (check_header(cfg, eh, why))
        return -1;
    ph = (const void *)(cfg->image + eh->phoff);
    for (uint32_t i = 0; i < eh->phnum; i++) {
        if (ph[i].type != ELF_PT_LOAD || ph[i].memsz == 0)
            continue;
        if (ph[i].filesz > ph[i].memsz || ph[i].offset > cfg->image_size ||
            ph[i].filesz > cfg->image_size - ph[i].offset)
            return fail(why, "segment data outside the image");
        if (uaccess_range(cfg, ph[i].vaddr, ph[i].memsz, segment_rights(ph[i].flags), &phys))
            return fail(why, "segment not inside one area with the rights it needs");
    }
    if ((eh->entry & (ARCH_INSN_ALIGN - 1)) ||
        uaccess_range(cfg, eh->entry, 1, CFG_AREA_EXEC, &phys))
        return fail(why, "entry point not in an executable area");
    *entry = eh->entry;
    return 0;
}

uint32_t elf_segment_count(const struct cfg_partition *cfg)
{
    return ((const struct elf32_ehdr *)(const void *)cfg->image)->phnum;
}

int elf_segment(const struct cfg_partition *cfg, uint32_t index, struct elf_segment *seg)
{
    const struct elf32_ehdr *eh = (const void *)cfg->image;
    const struct elf32_phdr *ph = (const void *)(cfg->image + eh->phoff);

    if (index >= eh->phnum || ph[index].type != ELF_PT_LOAD || ph[index].memsz == 0)
        return 0;
    seg->data = cfg->image + ph[index].offset;
    seg->dst = uaccess_ptr(cfg, ph[index].vaddr, ph[index].memsz, 0);
    seg->filesz = ph[index].filesz;
    seg->memsz = ph[index].memsz;
    return 1;
}

int elf_load(const struct cfg_partition *cfg, arch_addr_t *entry, const char **why)
{
    struct elf_segment seg;

    if (elf_check(cfg, entry, why))
        return -1;
    for (uint32_t i = 0; i < elf_segment_count(cfg); i++) {
        if (!elf_segment(cfg, i, &seg))
            continue;
        memcpy(seg.dst, seg.data, seg.filesz);
        memset(seg.dst + seg.filesz, 0, seg.memsz - seg.filesz);
    }
    return 0;
}
