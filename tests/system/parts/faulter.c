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

#if defined(__riscv)
/* The kernel as linked: supervisor pages in every partition's table. */
#define KERNEL_VA 0xffffffff80000000ul
#else
#define KERNEL_VA 0x00100000ul
#endif

static void read_kernel(void)
{
    sink = *(volatile uint32_t *)KERNEL_VA;
}

static void write_kernel(void)
{
    *(volatile uint32_t *)KERNEL_VA = 0xdeadbeef;
}

/* Another partition's physical memory, through the kernel's direct map
 * (on x86; on SPARC these addresses are simply not mapped). */
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

#if defined(__sparc__)
/* SPARC: every instruction below needs supervisor mode or is a trap the
 * kernel does not serve for partitions. */
static void do_wr_psr(void)
{
    __asm__ volatile("wr %%g0, %%psr\n\tnop\n\tnop\n\tnop" ::: "memory");
}

static void do_lda_bypass(void)
{
    uint32_t v;

    /* LEON3's MMU bypass ASI: physical memory, the kernel's included. */
    __asm__ volatile("lda [%1] 0x1c, %0" : "=r"(v) : "r"(0x40000000));
    sink = v;
}

static void do_rd_psr(void)
{
    uint32_t v;

    __asm__ volatile("rd %%psr, %0" : "=r"(v));
    sink = v;
}

static void do_rd_wim(void)
{
    uint32_t v;

    __asm__ volatile("rd %%wim, %0" : "=r"(v));
    sink = v;
}

static void do_wr_tbr(void)
{
    __asm__ volatile("wr %%g0, %%tbr\n\tnop\n\tnop\n\tnop" ::: "memory");
}

static void do_sta_mmu(void)
{
    /* The SRMMU's context register. */
    __asm__ volatile("sta %%g0, [%0] 0x19" : : "r"(0x200) : "memory");
}

static void divide_by_zero(void)
{
    uint32_t q;

    __asm__ volatile("wr %%g0, %%y\n\tnop\n\tnop\n\tnop\n\tudiv %1, %%g0, %0" : "=r"(q) : "r"(1u));
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

static void do_unimp(void)
{
    __asm__ volatile("unimp 0");
}

static void do_ta_breakpoint(void)
{
    __asm__ volatile("ta 1");
}

static void do_ta_9(void)
{
    __asm__ volatile("ta 9"); /* RTEMS's interrupt disable on bare LEON3 */
}

static void use_fpu(void)
{
    volatile double x = 1.5;

    x = x * 3.0;
    sink = (uint32_t)x;
}

static void do_wr_wim(void)
{
    __asm__ volatile("wr %%g0, %%wim\n\tnop\n\tnop\n\tnop" ::: "memory");
}

static void do_lda_mmu(void)
{
    uint32_t v;

    __asm__ volatile("lda [%1] 0x19, %0" : "=r"(v) : "r"(0x300));
    sink = v;
}

static void do_rett(void)
{
    __asm__ volatile("set 1f, %%g1\n\tjmp %%g1\n\trett %%g1 + 4\n1:" ::: "g1", "memory");
}

static void do_sta_cache(void)
{
    __asm__ volatile("sta %%g0, [%%g0] 2" ::: "memory"); /* cache control */
}

static void do_ta_0(void)
{
    __asm__ volatile("ta 0"); /* the exit trap of bare LEON3 programs */
}

static void do_misaligned(void)
{
    uint32_t v;

    /* In assembly: for an address it knows to be misaligned GCC would
     * load byte by byte. */
    __asm__ volatile("ld [%1], %0" : "=r"(v) : "r"((uintptr_t)&sink + 1));
    sink = v;
}

static void overflow_stack(void)
{
    /* Store below the data area until the stack leaves it. */
    __asm__ volatile("1: sub %%sp, 64, %%sp\n\tst %%g0, [%%sp]\n\tb 1b\n\tnop" ::: "memory");
}

static void do_ta_0x41(void)
{
    __asm__ volatile("ta 0x41"); /* next to the hypercall trap */
}

#elif defined(__riscv)
/* RISC-V: machine- and supervisor-mode instructions and CSRs, misaligned
 * atomics (QEMU does plain misaligned loads itself), the FPU while
 * mstatus.FS is off. Division by zero does not trap on RISC-V. */
static void do_csrr_mstatus(void)
{
    uint64_t v;

    __asm__ volatile("csrr %0, mstatus" : "=r"(v));
    sink = (uint32_t)v;
}

static void do_csrw_satp(void)
{
    __asm__ volatile("csrw satp, zero" ::: "memory");
}

static void do_csrr_sstatus(void)
{
    uint64_t v;

    __asm__ volatile("csrr %0, sstatus" : "=r"(v));
    sink = (uint32_t)v;
}

static void do_mret(void)
{
    __asm__ volatile("mret");
}

static void do_sret(void)
{
    __asm__ volatile("sret");
}

static void do_wfi(void)
{
    __asm__ volatile("wfi");
}

static void do_sfence_vma(void)
{
    __asm__ volatile("sfence.vma" ::: "memory");
}

static void jump_to_null(void)
{
    ((void (*)(void))0)();
}

static void jump_to_garbage(void)
{
    ((void (*)(void))(uintptr_t)garbage)();
}

static void do_illegal_zero(void)
{
    __asm__ volatile(".2byte 0"); /* the all-zero parcel is defined illegal */
}

static void do_ebreak(void)
{
    __asm__ volatile(".4byte 0x00100073"); /* ebreak, uncompressed */
}

static void do_csrr_mhartid(void)
{
    uint64_t v;

    __asm__ volatile("csrr %0, mhartid" : "=r"(v));
    sink = (uint32_t)v;
}

static void use_fpu(void)
{
    __asm__ volatile(".4byte 0x02007053"); /* fadd.d f0, f0, f0 */
}

static void do_misaligned_lr(void)
{
    uint64_t v;

    __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"((uintptr_t)&sink + 1));
    sink = (uint32_t)v;
}

static void do_csrw_mtvec(void)
{
    __asm__ volatile("csrw mtvec, zero" ::: "memory");
}

static void overflow_stack(void)
{
    /* Store below the data area until the stack leaves it. */
    __asm__ volatile("1: addi sp, sp, -64\n\tsd zero, 0(sp)\n\tj 1b" ::: "memory");
}

static void do_csrw_stvec(void)
{
    __asm__ volatile("csrw stvec, zero" ::: "memory");
}

static void do_csrr_pmpcfg0(void)
{
    uint64_t v;

    __asm__ volatile("csrr %0, pmpcfg0" : "=r"(v));
    sink = (uint32_t)v;
}

static void do_c_ebreak(void)
{
    __asm__ volatile(".2byte 0x9002"); /* c.ebreak */
}

static void jump_to_kernel(void)
{
    ((void (*)(void))KERNEL_VA)();
}

static void do_misaligned_amo(void)
{
    uint64_t v;

    __asm__ volatile("amoadd.d %0, zero, (%1)" : "=r"(v) : "r"((uintptr_t)&sink + 2) : "memory");
    sink = (uint32_t)v;
}

#else
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

/* Descriptor-table and machine-status stores: unprivileged on x86 unless
 * CR4.UMIP is set, and they reveal kernel addresses (GDT, IDT) and state. */
static struct {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed)) table_reg;

static void do_sgdt(void)
{
    __asm__ volatile("sgdt %0" : "=m"(table_reg));
}

static void do_sidt(void)
{
    __asm__ volatile("sidt %0" : "=m"(table_reg));
}

static void do_sldt(void)
{
    uint16_t v;

    __asm__ volatile("sldt %0" : "=r"(v));
    sink = v;
}

static void do_smsw(void)
{
    uint32_t v;

    __asm__ volatile("smsw %0" : "=r"(v));
    sink = v;
}

static void do_str(void)
{
    uint16_t v;

    __asm__ volatile("str %0" : "=r"(v));
    sink = v;
}

#endif

struct action {
    const char *what;
    void (*fn)(void);
};

#if defined(__sparc__)
static const struct action actions[] = {
    {"read kernel memory", read_kernel},
    {"write kernel memory", write_kernel},
    {"read another partition's memory", read_other_partition},
    {"write another partition's memory", write_other_partition},
    {"write own code", write_own_code},
    {"read unmapped memory", read_unmapped},
    {"wr %psr", do_wr_psr},
    {"lda bypassing the MMU", do_lda_bypass},
    {"rd %psr", do_rd_psr},
    {"rd %wim", do_rd_wim},
    {"wr %tbr", do_wr_tbr},
    {"sta to the MMU", do_sta_mmu},
    {"divide by zero", divide_by_zero},
    {"jump to address 0", jump_to_null},
    {"jump to garbage", jump_to_garbage},
    {"unimp", do_unimp},
    {"ta 1", do_ta_breakpoint},
    {"ta 9", do_ta_9},
    {"use the FPU without the right", use_fpu},
    {"wr %wim", do_wr_wim},
    {"lda from the MMU", do_lda_mmu},
    {"rett", do_rett},
    {"sta to the cache controller", do_sta_cache},
    {"ta 0", do_ta_0},
    {"misaligned load", do_misaligned},
    {"overflow the stack", overflow_stack},
    {"ta 0x41", do_ta_0x41},
};
#elif defined(__riscv)
static const struct action actions[] = {
    {"read kernel memory", read_kernel},
    {"write kernel memory", write_kernel},
    {"read another partition's memory", read_other_partition},
    {"write another partition's memory", write_other_partition},
    {"write own code", write_own_code},
    {"read unmapped memory", read_unmapped},
    {"csrr mstatus", do_csrr_mstatus},
    {"csrw satp", do_csrw_satp},
    {"csrr sstatus", do_csrr_sstatus},
    {"mret", do_mret},
    {"sret", do_sret},
    {"wfi", do_wfi},
    {"sfence.vma", do_sfence_vma},
    {"jump to address 0", jump_to_null},
    {"jump to garbage", jump_to_garbage},
    {"illegal instruction 0", do_illegal_zero},
    {"ebreak", do_ebreak},
    {"csrr mhartid", do_csrr_mhartid},
    {"use the FPU without the right", use_fpu},
    {"misaligned lr.d", do_misaligned_lr},
    {"csrw mtvec", do_csrw_mtvec},
    {"overflow the stack", overflow_stack},
    {"csrw stvec", do_csrw_stvec},
    {"csrr pmpcfg0", do_csrr_pmpcfg0},
    {"c.ebreak", do_c_ebreak},
    {"jump to the kernel", jump_to_kernel},
    {"misaligned amoadd.d", do_misaligned_amo},
};
#else
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
    {"sgdt", do_sgdt},
    {"sidt", do_sidt},
    {"sldt", do_sldt},
    {"smsw", do_smsw},
    {"str", do_str},
};
#endif

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
