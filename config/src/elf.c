/* SPDX-License-Identifier: BSD-2-Clause */
#include "elf.h"

#include <stdio.h>
#include <string.h>

/* Offsets and values from the System V ABI, 32- and 64-bit object files. */
#define EHDR32_SIZE 52u
#define PHDR32_SIZE 32u
#define EHDR64_SIZE 64u
#define PHDR64_SIZE 56u
#define EI_CLASS    4
#define EI_DATA     5
#define EI_VERSION  6
#define ELFCLASS32  1
#define ELFCLASS64  2
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
    if (e->big_endian) {
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    }
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint64_t get64(const struct tcfg_elf *e, size_t off)
{
    uint64_t lo = get32(e, off), hi = get32(e, off + 4);
    return e->big_endian ? lo << 32 | hi : hi << 32 | lo;
}

/* A 32- or 64-bit address field (the class decides) at off32 or off64. */
static uint64_t get_addr(const struct tcfg_elf *e, size_t off32, size_t off64)
{
    return e->is64 ? get64(e, off64) : get32(e, off32);
}

/* Every program header's addresses and sizes within 32 bits: the
 * configuration describes areas with 32-bit addresses on every arch. */
static bool segments_fit_32(const struct tcfg_elf *e)
{
    for (unsigned i = 0; i < e->phnum; i++) {
        size_t off = e->phoff + (size_t)i * e->phentsize;
        for (size_t f = 8; f <= 40; f += 8) {
            if (f != 24 && get64(e, off + f) > UINT32_MAX) { /* offset vaddr (paddr) filesz memsz */
                return false;
            }
        }
    }
    return true;
}

const char *tcfg_elf_open(struct tcfg_elf *elf, const uint8_t *data, size_t size,
                          const struct tcfg_arch *arch, char *buf, size_t bufsize)
{
    memset(elf, 0, sizeof *elf);
    elf->data = data;
    elf->size = size;
    if (size < 4 || memcmp(data, "\177ELF", 4) != 0) {
        return "is not an ELF file";
    }
    if (size < EHDR32_SIZE) {
        return "is truncated (shorter than an ELF header)";
    }
    if (data[EI_CLASS] != (arch->elf64 ? ELFCLASS64 : ELFCLASS32)) {
        return arch->elf64 ? "is not a 64-bit ELF file" : "is not a 32-bit ELF file";
    }
    elf->is64 = arch->elf64;
    if (elf->is64 && size < EHDR64_SIZE) {
        return "is truncated (shorter than an ELF header)";
    }
    if (data[EI_DATA] != ELFDATA2LSB && data[EI_DATA] != ELFDATA2MSB) {
        return "has an unknown ELF data encoding";
    }
    elf->big_endian = data[EI_DATA] == ELFDATA2MSB;
    if (elf->big_endian != arch->big_endian) {
        snprintf(buf, bufsize, "is %s-endian, but %s needs %s-endian",
                 elf->big_endian ? "big" : "little", arch->name,
                 arch->big_endian ? "big" : "little");
        return buf;
    }
    if (data[EI_VERSION] != 1 || get32(elf, 20) != 1) {
        return "has an unknown ELF version";
    }
    if (get16(elf, 16) != ET_EXEC) {
        return "is not an executable (ELF type ET_EXEC)";
    }
    uint16_t machine = get16(elf, 18);
    if (machine != arch->elf_machine) {
        snprintf(buf, bufsize, "is for ELF machine %u, but %s needs %s (%u)", machine, arch->name,
                 arch->elf_machine_name, arch->elf_machine);
        return buf;
    }
    uint64_t entry = get_addr(elf, 24, 24), phoff = get_addr(elf, 28, 32);
    if (entry > UINT32_MAX || phoff > UINT32_MAX) {
        return "has an entry point or program header offset beyond 4 GiB";
    }
    elf->entry = (uint32_t)entry;
    elf->phoff = (uint32_t)phoff;
    elf->phnum = get16(elf, elf->is64 ? 56 : 44);
    elf->phentsize = elf->is64 ? PHDR64_SIZE : PHDR32_SIZE;
    if (elf->phnum == PN_XNUM) {
        return "has too many program headers";
    }
    /* The kernel's loader insists on both, even without program headers. */
    if (get16(elf, elf->is64 ? 54 : 42) != elf->phentsize) {
        return "has program headers of an unexpected size";
    }
    if (elf->phoff % (elf->is64 ? 8 : 4)) {
        return elf->is64 ? "has program headers that are not 8-byte aligned"
                         : "has program headers that are not 4-byte aligned";
    }
    if ((uint64_t)elf->phoff + (uint64_t)elf->phnum * elf->phentsize > size) {
        return "is truncated (program headers past the end of the file)";
    }
    if (elf->is64 && !segments_fit_32(elf)) {
        return "has a segment with an address or size beyond 4 GiB";
    }
    return NULL;
}

struct tcfg_segment tcfg_elf_segment(const struct tcfg_elf *elf, unsigned i)
{
    size_t off = elf->phoff + (size_t)i * elf->phentsize;
    if (elf->is64) { /* segments_fit_32() has checked each field */
        return (struct tcfg_segment){
            .type = get32(elf, off),
            .flags = get32(elf, off + 4),
            .offset = (uint32_t)get64(elf, off + 8),
            .vaddr = (uint32_t)get64(elf, off + 16),
            .filesz = (uint32_t)get64(elf, off + 32),
            .memsz = (uint32_t)get64(elf, off + 40),
        };
    }
    return (struct tcfg_segment){
        .type = get32(elf, off),
        .offset = get32(elf, off + 4),
        .vaddr = get32(elf, off + 8),
        .filesz = get32(elf, off + 16),
        .memsz = get32(elf, off + 20),
        .flags = get32(elf, off + 24),
    };
}
