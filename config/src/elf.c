/* SPDX-License-Identifier: BSD-2-Clause */
#include "elf.h"

#include <stdio.h>
#include <string.h>

/* Offsets and values from the System V ABI, 32-bit object files. */
#define EHDR_SIZE   52u
#define PHDR_SIZE   32u
#define EI_CLASS    4
#define EI_DATA     5
#define EI_VERSION  6
#define ELFCLASS32  1
#define ELFDATA2LSB 1
#define ELFDATA2MSB 2
#define ET_EXEC     2u
#define PN_XNUM     0xffffu

static uint16_t get16(const struct tcfg_elf *e, size_t off)
{
    const uint8_t *p = e->data + off;
    return e->big_endian ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static uint32_t get32(const struct tcfg_elf *e, size_t off)
{
    const uint8_t *p = e->data + off;
    if (e->big_endian)
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

const char *tcfg_elf_open(struct tcfg_elf *elf, const uint8_t *data, size_t size,
                          const struct tcfg_arch *arch, char *buf, size_t bufsize)
{
    memset(elf, 0, sizeof *elf);
    elf->data = data;
    elf->size = size;
    if (size < 4 || memcmp(data, "\177ELF", 4) != 0)
        return "is not an ELF file";
    if (size < EHDR_SIZE)
        return "is truncated (shorter than an ELF header)";
    if (data[EI_CLASS] != ELFCLASS32)
        return "is not a 32-bit ELF file";
    if (data[EI_DATA] != ELFDATA2LSB && data[EI_DATA] != ELFDATA2MSB)
        return "has an unknown ELF data encoding";
    elf->big_endian = data[EI_DATA] == ELFDATA2MSB;
    if (elf->big_endian != arch->big_endian) {
        snprintf(buf, bufsize, "is %s-endian, but %s needs %s-endian",
                 elf->big_endian ? "big" : "little", arch->name,
                 arch->big_endian ? "big" : "little");
        return buf;
    }
    if (data[EI_VERSION] != 1 || get32(elf, 20) != 1)
        return "has an unknown ELF version";
    if (get16(elf, 16) != ET_EXEC)
        return "is not an executable (ELF type ET_EXEC)";
    uint16_t machine = get16(elf, 18);
    if (machine != arch->elf_machine) {
        snprintf(buf, bufsize, "is for ELF machine %u, but %s needs %s (%u)", machine, arch->name,
                 arch->elf_machine_name, arch->elf_machine);
        return buf;
    }
    elf->entry = get32(elf, 24);
    elf->phoff = get32(elf, 28);
    elf->phnum = get16(elf, 44);
    if (elf->phnum == PN_XNUM)
        return "has too many program headers";
    /* The kernel's loader insists on both, even without program headers. */
    if (get16(elf, 42) != PHDR_SIZE)
        return "has program headers of an unexpected size";
    if (elf->phoff % 4)
        return "has program headers that are not 4-byte aligned";
    if ((uint64_t)elf->phoff + (uint64_t)elf->phnum * PHDR_SIZE > size)
        return "is truncated (program headers past the end of the file)";
    return NULL;
}

struct tcfg_segment tcfg_elf_segment(const struct tcfg_elf *elf, unsigned i)
{
    size_t off = elf->phoff + (size_t)i * PHDR_SIZE;
    return (struct tcfg_segment){
        .type = get32(elf, off),
        .offset = get32(elf, off + 4),
        .vaddr = get32(elf, off + 8),
        .filesz = get32(elf, off + 16),
        .memsz = get32(elf, off + 20),
        .flags = get32(elf, off + 24),
    };
}
