/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V's device-tree reader (kernel/arch/riscv/fdt.c) on the host, on
 * trees built here: the RAM size of a tree like QEMU virt's, with NOPs and
 * other nodes around the memory node, and 0 (the boot refuses) for each
 * way a tree can be wrong or lack the answer - bad header fields, no
 * memory node, a memory node elsewhere or nested, a "reg" too short or of
 * another name, a property or name running past its block, no end token.
 * QEMU's tree reaches none of the refusals, so the boot tests cannot. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "riscv.h"
#include "riscv_mstart.h"

#define BEGIN 1u
#define END   2u
#define PROP  3u
#define NOP   4u
#define FEND  9u

static _Alignas(8) uint8_t blob[4096];
static uint32_t len; /* of the structure block being built */
static const char strings[] = "compatible\0reg\0regs\0";
#define STR_REG   11u
#define STR_REGS  15u
#define STRUCT_AT 64u

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void token(uint32_t t)
{
    put32(blob + STRUCT_AT + len, t);
    len += 4;
}

static void node(const char *name)
{
    size_t n = strlen(name) + 1;

    token(BEGIN);
    memset(blob + STRUCT_AT + len, 0, (n + 3) & ~3u);
    memcpy(blob + STRUCT_AT + len, name, n);
    len += (uint32_t)((n + 3) & ~3u);
}

static void prop(uint32_t name, uint32_t size, uint64_t a, uint64_t b)
{
    token(PROP);
    token(size);
    token(name);
    put32(blob + STRUCT_AT + len, (uint32_t)(a >> 32));
    put32(blob + STRUCT_AT + len + 4, (uint32_t)a);
    put32(blob + STRUCT_AT + len + 8, (uint32_t)(b >> 32));
    put32(blob + STRUCT_AT + len + 12, (uint32_t)b);
    len += (size + 3) & ~3u;
}

/* The header for the structure block built so far, strings after it. */
static const void *finish(void)
{
    uint32_t strings_at = STRUCT_AT + len;

    memcpy(blob + strings_at, strings, sizeof(strings));
    put32(blob, 0xd00dfeedu);
    put32(blob + 4, strings_at + (uint32_t)sizeof(strings)); /* totalsize */
    put32(blob + 8, STRUCT_AT);
    put32(blob + 12, strings_at);
    put32(blob + 32, (uint32_t)sizeof(strings));
    put32(blob + 36, len);
    return blob;
}

static void start(void)
{
    memset(blob, 0, sizeof(blob));
    len = 0;
    node("");
}

/* A tree like virt's: root, a cpus node with its own "reg", the memory
 * node, then more. */
static const void *virt_tree(uint64_t base, uint64_t size)
{
    start();
    node("cpus");
    prop(STR_REG, 16, 0x1234, 0x5678);
    token(END);
    token(NOP);
    node("memory@80000000");
    prop(0, 16, 0, 0);
    prop(STR_REG, 16, base, size);
    token(END);
    node("soc");
    token(END);
    token(END);
    token(FEND);
    return finish();
}

static void test_virt(void **state)
{
    (void)state;
    assert_int_equal(riscv_fdt_ram_size(virt_tree(RAM_PA, 128u << 20)), 128u << 20);
    assert_int_equal(riscv_fdt_ram_size(virt_tree(RAM_PA, 3ull << 32)), 3ull << 32);
    /* RAM elsewhere: not the kernel's. */
    assert_int_equal(riscv_fdt_ram_size(virt_tree(RAM_PA + 0x1000, 128u << 20)), 0);
}

static void test_header(void **state)
{
    (void)state;
    const uint8_t *b = virt_tree(RAM_PA, 64u << 20);

    assert_int_equal(riscv_fdt_ram_size(NULL), 0);
    /* A whole tree, but at an address not 4-aligned. */
    for (unsigned off = 1; off < 4; off++) {
        static _Alignas(8) uint8_t moved[sizeof(blob) + 4];

        memcpy(moved + off, blob, sizeof(blob));
        assert_int_equal(riscv_fdt_ram_size(moved + off), 0);
    }
    put32(blob, 0xd00dfeeeu);
    assert_int_equal(riscv_fdt_ram_size(b), 0);
    virt_tree(RAM_PA, 64u << 20);
    put32(blob + 4, 0x100001u); /* larger than any tree QEMU writes */
    assert_int_equal(riscv_fdt_ram_size(b), 0);
    virt_tree(RAM_PA, 64u << 20);
    put32(blob + 4, 0x100000u); /* the largest accepted */
    assert_int_equal(riscv_fdt_ram_size(b), 64u << 20);
    virt_tree(RAM_PA, 64u << 20);
    put32(blob + 4, STRUCT_AT + len + (uint32_t)sizeof(strings) - 1); /* strings 1 past */
    assert_int_equal(riscv_fdt_ram_size(b), 0);
    virt_tree(RAM_PA, 64u << 20);
    put32(blob + 36, len + 0x10000u); /* structure block past the end */
    assert_int_equal(riscv_fdt_ram_size(b), 0);
    virt_tree(RAM_PA, 64u << 20);
    put32(blob + 32, 0x10000u); /* strings past the end */
    assert_int_equal(riscv_fdt_ram_size(b), 0);
}

static void test_no_answer(void **state)
{
    (void)state;
    /* No memory node: the end token, then nothing. */
    start();
    node("soc");
    prop(STR_REG, 16, RAM_PA, 64u << 20);
    token(END);
    token(END);
    token(FEND);
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
    /* The structure block ends without an end token. */
    start();
    node("soc");
    token(END);
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
    /* A memory node below another node (depth 3). */
    start();
    node("soc");
    node("memory@80000000");
    prop(STR_REG, 16, RAM_PA, 64u << 20);
    token(END);
    token(END);
    token(END);
    token(FEND);
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
    /* "reg" after the memory node ended. */
    start();
    node("memory@80000000");
    token(END);
    prop(STR_REG, 16, RAM_PA, 64u << 20);
    token(END);
    token(FEND);
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
}

/* The memory node alone with one property of the given name and size. */
static const void *memory_tree(uint32_t name, uint32_t size)
{
    start();
    node("memory@80000000");
    prop(name, size, RAM_PA, 64u << 20);
    token(END);
    token(END);
    token(FEND);
    return finish();
}

static void test_bad_properties(void **state)
{
    static const struct {
        uint32_t name, size;
    } refused[] = {
        {STR_REGS, 16},                 /* another name that starts with "reg" */
        {STR_REG, 15},                  /* too short for address and size */
        {(uint32_t)sizeof(strings), 16} /* a name offset past the strings */
    };

    (void)state;
    assert_int_equal(riscv_fdt_ram_size(memory_tree(STR_REG, 16)), 64u << 20);
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        assert_int_equal(riscv_fdt_ram_size(memory_tree(refused[i].name, refused[i].size)), 0);
    }
    /* A name offset past the strings before a good "reg": refused at
     * once, not skipped. */
    start();
    node("memory@80000000");
    prop((uint32_t)sizeof(strings), 16, 0, 0);
    prop(STR_REG, 16, RAM_PA, 64u << 20);
    token(END);
    token(END);
    token(FEND);
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
    /* The last property ends the structure block exactly: read; one
     * byte longer: refused. */
    start();
    node("memory@80000000");
    prop(STR_REG, 16, RAM_PA, 64u << 20);
    assert_int_equal(riscv_fdt_ram_size(finish()), 64u << 20);
    put32(blob + STRUCT_AT + len - 24, 17); /* its length word */
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
    /* The block ends one byte inside a property's header (its length and
     * name words): refused, though the bytes past the end would make a
     * good "reg". */
    start();
    node("memory@80000000");
    {
        uint32_t at = len;

        prop(STR_REG, 16, RAM_PA, 64u << 20);
        finish();
        put32(blob + 36, at + 4 + 7); /* the token, then 7 of the header's 8 bytes */
    }
    assert_int_equal(riscv_fdt_ram_size(blob), 0);
    /* An unknown token before the memory node. */
    start();
    token(7);
    node("memory@80000000");
    prop(STR_REG, 16, RAM_PA, 64u << 20);
    token(END);
    token(END);
    token(FEND);
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
    /* A node name without its NUL inside the block. */
    start();
    token(BEGIN);
    memset(blob + STRUCT_AT + len, 'm', 8);
    len += 8;
    assert_int_equal(riscv_fdt_ram_size(finish()), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_virt),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_no_answer),
        cmocka_unit_test(test_bad_properties),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
