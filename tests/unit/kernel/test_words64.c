/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel core, unchanged, on a 64-bit stand-in architecture
 * (tests/unit/kernel/host64: 64-bit words, addresses and API words): what a
 * 64-bit port relies on - 64-bit values passed whole, addresses above 4 GiB
 * not cut to 32 bits, ids with high bits finding nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "console.h"
#include "elf.h"
#include "hcall.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/hcall_words.h"
#include "pv/status.h"
#include "schedule.h"

_Static_assert(sizeof(arch_word_t) == 8 && sizeof(arch_addr_t) == 8, "built with host64 first");
_Static_assert(PV_U64_WORDS == 1 && PV_TIMER_SET_ARG_PERIOD == 2, "one word per 64-bit value");

#define HIGH_VIRT 0x140100000ull /* above 4 GiB; its low 32 bits are 0x40100000 */

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x1000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"data", FAKE_RAM_BASE + 0x1000, HIGH_VIRT, 0x1000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_partition cfg = {
    .name = "P1", .id = 1, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 2};
/* One plan, id 7, found by a one-slot id table. */
static const struct cfg_plan plans[] = {{.name = "plan7", .id = 7}};
static const uint8_t plan_slot[] = {0};
const struct cfg_system cfg_system = {.name = "unit",
                                      .partitions = &cfg,
                                      .num_partitions = 1,
                                      .console_input = CFG_NO_PARTITION,
                                      .partition_ids = FAKE_IDS_1_2,
                                      .plans = plans,
                                      .num_plans = 1,
                                      .plan_ids = {plan_slot, 0, 0}};
/* The partition is partitions[0], so that partition_by_id() finds it. */
#define P (&partitions[0])
static struct pv_shared shared;

static int32_t call(arch_word_t nr, const arch_word_t *args, unsigned n)
{
    P->ctx.regs[0] = nr;
    for (unsigned i = 0; i < 5; i++) {
        P->ctx.regs[i + 1] = i < n ? args[i] : 0;
    }
    hcall_dispatch(P);
    return (int32_t)P->ctx.regs[0];
}

/* The argument words of PV_HC_TIMER_SET as pv_timer_set() fills them. */
static int32_t timer_set(uint32_t clock, uint64_t deadline, uint64_t period)
{
    pv_word_t w[5] = {clock};

    pv_u64_to_words(&w[PV_TIMER_SET_ARG_DEADLINE], deadline);
    pv_u64_to_words(&w[PV_TIMER_SET_ARG_PERIOD], period);
    return call(PV_HC_TIMER_SET, w, 5);
}

static int setup(void **state)
{
    (void)state;
    memset(P, 0, sizeof(*P));
    num_partitions = 1;
    memset(&shared, 0, sizeof(shared));
    P->cfg = &cfg;
    P->shared = &shared;
    P->state = PART_READY;
    schedule.current = P; /* the caller runs: its kernel lines are its cost */
    memset(fake_ram, 0, sizeof(fake_ram));
    memset(fake_console, 0, sizeof(fake_console));
    fake_console_len = 0;
    fake_console_room = -1;
    return 0;
}

static void test_timer_values_whole(void **state)
{
    (void)state;
    assert_int_equal(timer_set(PV_CLOCK_WALL, 0x100000005ull, 0x200000000ull), PV_OK);
    assert_true(P->timers[PV_CLOCK_WALL].deadline == 0x100000005ull);
    assert_true(P->timers[PV_CLOCK_WALL].period == 0x200000000ull);
    /* The words after the period are not read: a period in word 3 (where
     * a 32-bit arch has the period's low half) is no period here. */
    assert_int_equal(call(PV_HC_TIMER_SET, (const arch_word_t[]){PV_CLOCK_EXEC, 5, 0, 999}, 4),
                     PV_OK);
    assert_true(P->timers[PV_CLOCK_EXEC].deadline == 5 && P->timers[PV_CLOCK_EXEC].period == 0);
    /* The bounds hold on the whole values. */
    assert_int_equal(timer_set(PV_CLOCK_WALL, 1, 999), PV_EINVAL);
    assert_int_equal(timer_set(PV_CLOCK_WALL, 1ull << 63, 0), PV_EINVAL);
    assert_int_equal(timer_set(PV_CLOCK_WALL, 1, 1ull << 62), PV_EINVAL);
    /* A clock with bits above 32 is no clock. */
    assert_int_equal(call(PV_HC_TIMER_SET, (const arch_word_t[]){1ull << 32, 5}, 2), PV_EINVAL);
}

static void test_addresses_above_4g(void **state)
{
    (void)state;
    memcpy(fake_ram + 0x1000, "hi\n", 3);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, (const arch_word_t[]){HIGH_VIRT, 3}, 2), 3);
    /* Its low 32 bits are no address of the partition's. */
    assert_int_equal(
        call(PV_HC_CONSOLE_WRITE, (const arch_word_t[]){HIGH_VIRT & 0xffffffffu, 3}, 2), PV_EFAULT);
    /* A length with bits above 32 is not cut to 3. */
    assert_int_equal(
        call(PV_HC_CONSOLE_WRITE, (const arch_word_t[]){HIGH_VIRT, (1ull << 32) | 3}, 2),
        PV_ERANGE);
    console_drain(P, 1000000000ull);
    assert_string_equal(fake_console, "[P1] hi\r\n");
}

static void test_ids_are_whole_words(void **state)
{
    (void)state;
    assert_int_equal(call(PV_HC_PART_STATUS, (const arch_word_t[]){1, HIGH_VIRT}, 2), PV_OK);
    assert_int_equal(call(PV_HC_PART_STATUS, (const arch_word_t[]){(1ull << 32) | 1, HIGH_VIRT}, 2),
                     PV_ENOENT);
    /* PV_PART_SELF is the 32-bit value, not "all ones". */
    assert_int_equal(call(PV_HC_PART_STATUS, (const arch_word_t[]){PV_PART_SELF, HIGH_VIRT}, 2),
                     PV_OK);
    assert_int_equal(call(PV_HC_PART_STATUS, (const arch_word_t[]){UINT64_MAX, HIGH_VIRT}, 2),
                     PV_ENOENT);
}

static void test_numbers_are_whole_words(void **state)
{
    (void)state;
    /* An unknown number above 32 bits is refused like any other. */
    assert_int_equal(call((1ull << 32) | PV_HC_IDLE, (const arch_word_t[]){0}, 0), PV_ENOSYS);
    assert_int_equal(P->state, PART_READY);
}

/* A hand-made ELF64 image: code at 0x40000000, data at HIGH_VIRT. */
struct elf64_image {
    struct {
        uint8_t ident[16];
        uint16_t type, machine;
        uint32_t version;
        uint64_t entry, phoff, shoff;
        uint32_t flags;
        uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
    } eh;
    struct {
        uint32_t type, flags;
        uint64_t offset, vaddr, paddr, filesz, memsz, align;
    } ph[2];
    uint8_t text[16];
    uint8_t data[8];
} __attribute__((aligned(16)));

static struct elf64_image img64;

static struct cfg_partition image_cfg(void)
{
    struct cfg_partition c = cfg;

    memset(&img64, 0, sizeof(img64));
    memcpy(img64.eh.ident, "\177ELF\002\001\001", 7);
    img64.eh.type = 2;
    img64.eh.machine = ARCH_ELF_MACHINE;
    img64.eh.version = 1;
    img64.eh.entry = 0x40000004;
    img64.eh.phoff = offsetof(struct elf64_image, ph);
    img64.eh.phentsize = sizeof(img64.ph[0]);
    img64.eh.phnum = 2;
    img64.ph[0].type = img64.ph[1].type = 1;
    img64.ph[0].flags = 5;
    img64.ph[0].offset = offsetof(struct elf64_image, text);
    img64.ph[0].vaddr = 0x40000000;
    img64.ph[0].filesz = img64.ph[0].memsz = sizeof(img64.text);
    img64.ph[1].flags = 6;
    img64.ph[1].offset = offsetof(struct elf64_image, data);
    img64.ph[1].vaddr = HIGH_VIRT;
    img64.ph[1].filesz = sizeof(img64.data);
    img64.ph[1].memsz = 64;
    memset(img64.text, 0x13, sizeof(img64.text));
    memset(img64.data, 0xab, sizeof(img64.data));
    c.image = (const uint8_t *)&img64;
    c.image_size = sizeof(img64);
    return c;
}

/* A 64-bit arch loads ELF64 images, segments above 4 GiB included. */
static void test_elf64_loads(void **state)
{
    struct cfg_partition c = image_cfg();
    arch_addr_t entry = 0;
    const char *why = NULL;

    (void)state;
    memset(fake_ram + 0x1000, 0x5a, 0x100);
    assert_int_equal(elf_load(&c, &entry, &why), 0);
    assert_int_equal(entry, 0x40000004);
    assert_int_equal(fake_ram[0], 0x13);
    assert_int_equal(fake_ram[0x1000], 0xab);
    assert_int_equal(fake_ram[0x1000 + 8], 0);     /* bss cleared */
    assert_int_equal(fake_ram[0x1000 + 64], 0x5a); /* and no more */
}

/* The high half of a 64-bit address counts: a segment whose low 32 bits
 * name an area is refused, and so is an ELF32 image. */
static void test_elf64_whole_addresses(void **state)
{
    struct cfg_partition c = image_cfg();
    arch_addr_t entry = 0;
    const char *why = NULL;

    (void)state;
    img64.ph[1].vaddr = 0x240100000ull;
    assert_int_equal(elf_check(&c, &entry, &why), -1);
    c = image_cfg();
    img64.eh.entry = 0x140000004ull;
    assert_int_equal(elf_check(&c, &entry, &why), -1);
    c = image_cfg();
    img64.eh.ident[4] = 1; /* ELFCLASS32 */
    assert_int_equal(elf_check(&c, &entry, &why), -1);
    assert_non_null(strstr(why, "ELF class"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_timer_values_whole, setup),
        cmocka_unit_test_setup(test_addresses_above_4g, setup),
        cmocka_unit_test_setup(test_ids_are_whole_words, setup),
        cmocka_unit_test_setup(test_numbers_are_whole_words, setup),
        cmocka_unit_test_setup(test_elf64_loads, setup),
        cmocka_unit_test_setup(test_elf64_whole_addresses, setup),
    };
    return cmocka_run_group_tests(tests, 0, 0);
}
