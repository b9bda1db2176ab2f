/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Does one forbidden thing, chosen by its partition id (id - 100 indexes
 * the table below), after saying what it is about to do. The kernel must
 * stop this partition and nothing else; "SURVIVED" means it did not.
 */
#include "tp.h"

static volatile uint32_t sink;
static const uint8_t garbage[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

static void read_kernel(void)
{
    sink = *(volatile uint32_t *)0x00100000;
}

static void write_kernel(void)
{
    *(volatile uint32_t *)0x00100000 = 0xdeadbeef;
}

/* Another partition's physical memory, through the kernel's direct map. */
static void read_other_partition(void)
{
    sink = *(volatile uint32_t *)0x01000000;
}

static void write_other_partition(void)
{
    *(volatile uint32_t *)0x01100000 = 0xdeadbeef;
}

static void write_own_code(void)
{
    *(volatile uint32_t *)(uintptr_t)write_own_code = 0xdeadbeef;
}

static void read_unmapped(void)
{
    sink = *(volatile uint32_t *)0x50000000;
}

static void do_cli(void)
{
    __asm__ volatile("cli");
}

static void do_hlt(void)
{
    __asm__ volatile("hlt");
}

static void do_in(void)
{
    uint8_t v;

    __asm__ volatile("inb $0x60, %0" : "=a"(v));
    sink = v;
}

static void do_out(void)
{
    __asm__ volatile("outb %0, $0xf4" : : "a"((uint8_t)0));
}

static void do_lgdt(void)
{
    static const struct {
        uint16_t limit;
        uint32_t base;
    } __attribute__((packed)) gdtr = {0, 0};

    __asm__ volatile("lgdt %0" : : "m"(gdtr));
}

static void do_mov_cr3(void)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"(0));
}

static void divide_by_zero(void)
{
    /* In assembly: a C division by a known zero may be optimised away. */
    uint32_t q, d = 0;

    __asm__ volatile("xor %%edx, %%edx\n\tdivl %2" : "=a"(q) : "a"(1u), "r"(d) : "edx");
    sink = q;
}

static void jump_to_null(void)
{
    ((void (*)(void))0)();
}

static void jump_to_garbage(void)
{
    ((void (*)(void))(uintptr_t)garbage)();
}

static void do_ud2(void)
{
    __asm__ volatile("ud2");
}

static void do_int3(void)
{
    __asm__ volatile("int3");
}

static void do_int_timer_vector(void)
{
    __asm__ volatile("int $0x40");
}

static void use_fpu(void)
{
    volatile double x = 1.5;

    x = x * 3.0;
    sink = (uint32_t)x;
}

static void do_rdmsr(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0x1b));
    sink = lo ^ hi;
}

static void do_lidt(void)
{
    static const struct {
        uint16_t limit;
        uint32_t base;
    } __attribute__((packed)) idtr = {0, 0};

    __asm__ volatile("lidt %0" : : "m"(idtr));
}

static void do_mov_cr0(void)
{
    __asm__ volatile("mov %0, %%cr0" : : "r"(0));
}

static void do_wbinvd(void)
{
    __asm__ volatile("wbinvd");
}

static void do_invlpg(void)
{
    __asm__ volatile("invlpg (%0)" : : "r"(0x40000000) : "memory");
}

static void do_sti(void)
{
    __asm__ volatile("sti");
}

static void overflow_stack(void)
{
    /* Push below the data area until the stack leaves it. */
    __asm__ volatile("1: push %%eax\n\tjmp 1b" : : : "memory");
}

static void load_kernel_segment(void)
{
    __asm__ volatile("mov %0, %%ds" : : "r"(0x10));
}

struct action {
    const char *what;
    void (*fn)(void);
};

static const struct action actions[] = {
    {"read kernel memory", read_kernel},
    {"write kernel memory", write_kernel},
    {"read another partition's memory", read_other_partition},
    {"write another partition's memory", write_other_partition},
    {"write own code", write_own_code},
    {"read unmapped memory", read_unmapped},
    {"cli", do_cli},
    {"hlt", do_hlt},
    {"in", do_in},
    {"out", do_out},
    {"lgdt", do_lgdt},
    {"mov to cr3", do_mov_cr3},
    {"divide by zero", divide_by_zero},
    {"jump to address 0", jump_to_null},
    {"jump to garbage", jump_to_garbage},
    {"ud2", do_ud2},
    {"int3", do_int3},
    {"int to the timer vector", do_int_timer_vector},
    {"use the FPU without the right", use_fpu},
    {"rdmsr", do_rdmsr},
    {"lidt", do_lidt},
    {"mov to cr0", do_mov_cr0},
    {"wbinvd", do_wbinvd},
    {"invlpg", do_invlpg},
    {"sti", do_sti},
    {"overflow the stack", overflow_stack},
    {"load the kernel data segment", load_kernel_segment},
};

void pv_main(uint32_t id)
{
    uint32_t n = id - 100;

    if (n >= sizeof(actions) / sizeof(actions[0])) {
        tp_printf("no action %u\n", n);
        return;
    }
    tp_printf("action %u: %s\n", n, actions[n].what);
    actions[n].fn();
    tp_printf("action %u SURVIVED\n", n);
}
