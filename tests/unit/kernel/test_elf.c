/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the partition image loader with hand-made ELF images. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "elf.h"
#include "fake_arch.h"

struct ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};
struct phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static struct {
    struct ehdr eh;
    struct phdr ph[2];
    uint8_t text[16];
    uint8_t data[8];
} __attribute__((aligned(16))) img;

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x1000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"data", FAKE_RAM_BASE + 0x1000, 0x40100000, 0x1000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static struct cfg_partition cfg = {
    .name = "P", .id = 1, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 2};

static int setup(void **state)
{
    (void)state;
    memset(&img, 0, sizeof(img));
    memcpy(img.eh.ident, "\177ELF\001\001\001", 7);
    img.eh.type = 2;
    img.eh.machine = 3;
    img.eh.version = 1;
    img.eh.entry = 0x40000004;
    img.eh.phoff = offsetof(__typeof__(img), ph);
    img.eh.phentsize = sizeof(struct phdr);
    img.eh.phnum = 2;
    img.ph[0] = (struct phdr){1, offsetof(__typeof__(img), text), 0x40000000, 0, 16, 16, 5, 4};
    img.ph[1] = (struct phdr){1, offsetof(__typeof__(img), data), 0x40100000, 0, 8, 64, 6, 4};
    memset(img.text, 0x90, sizeof(img.text));
    memset(img.data, 0xab, sizeof(img.data));
    cfg.image = (const uint8_t *)&img;
    cfg.image_size = sizeof(img);
    memset(fake_ram, 0x5a, 0x2000);
    return 0;
}

static void expect_rejected(const char *reason_part)
{
    uint32_t entry = 0;
    const char *why = "";

    assert_int_equal(elf_load(&cfg, &entry, &why), -1);
    assert_non_null(strstr(why, reason_part));
    /* Nothing was written into the partition's memory. */
    for (int i = 0; i < 0x2000; i++) {
        assert_int_equal(fake_ram[i], 0x5a);
    }
}

static void test_loads_and_zeroes_bss(void **state)
{
    uint32_t entry = 0;
    const char *why = NULL;

    (void)state;
    assert_int_equal(elf_load(&cfg, &entry, &why), 0);
    assert_int_equal(entry, 0x40000004);
    assert_int_equal(fake_ram[0], 0x90);
    assert_int_equal(fake_ram[15], 0x90);
    assert_int_equal(fake_ram[16], 0x5a); /* beyond the segment: untouched */
    assert_int_equal(fake_ram[0x1000], 0xab);
    assert_int_equal(fake_ram[0x1007], 0xab);
    assert_int_equal(fake_ram[0x1008], 0); /* bss part of the segment */
    assert_int_equal(fake_ram[0x103f], 0);
    assert_int_equal(fake_ram[0x1040], 0x5a);
}

static void test_bad_headers(void **state)
{
    (void)state;
    img.eh.ident[1] = 'X';
    expect_rejected("not an ELF");
    setup(state);
    img.eh.machine = 2;
    expect_rejected("machine");
    setup(state);
    img.eh.ident[4] = 2; /* 64-bit */
    expect_rejected("class");
    setup(state);
    img.eh.type = 3; /* shared object */
    expect_rejected("not an executable");
    setup(state);
    cfg.image_size = 20;
    expect_rejected("too small");
    setup(state);
    img.eh.phoff = 0xfffffff0;
    expect_rejected("outside the image");
    setup(state);
    img.eh.phnum = 0xffff;
    expect_rejected("outside the image");
    setup(state);
    img.eh.phentsize = 20;
    expect_rejected("program header size");
}

static void test_bad_segments(void **state)
{
    (void)state;
    img.ph[1].vaddr = 0x40100ff0; /* memsz 64 runs past the data area */
    expect_rejected("inside one area");
    setup(state);
    img.ph[1].flags = 7; /* writable and executable: no area has both */
    expect_rejected("inside one area");
    setup(state);
    img.ph[0].flags = 7; /* code made writable: code area is read-only */
    expect_rejected("inside one area");
    setup(state);
    img.ph[1].vaddr = 0x00100000; /* the kernel */
    expect_rejected("inside one area");
    setup(state);
    img.ph[1].filesz = 65; /* more file than memory */
    expect_rejected("outside the image");
    setup(state);
    img.ph[1].offset = 0xffffff00;
    expect_rejected("outside the image");
    setup(state);
    img.eh.entry = 0x40100000; /* entry in data */
    expect_rejected("entry point");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_loads_and_zeroes_bss, setup),
        cmocka_unit_test_setup(test_bad_headers, setup),
        cmocka_unit_test_setup(test_bad_segments, setup),
    };

    return cmocka_run_group_tests_name("elf", tests, NULL, NULL);
}
