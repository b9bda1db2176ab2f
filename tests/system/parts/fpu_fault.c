/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 and SPARC: a partition's FPU registers survive a fault it handles
 * itself. Id 1 loads a pattern into every FPU register (SPARC %f0-%f31 and
 * %fsr; x86 ST0-7, XMM0-7, FCW, FSW, FTW and MXCSR), causes a synchronous
 * fault whose health-monitor action is propagate, lets its HM upcall
 * handler resume it past the faulting instruction, and compares every
 * register with the pattern: checked at once, after a window of id 2
 * (which uses the FPU in between: the switch saves and reloads id 1's
 * state), and with the fault taken while id 2 holds the FPU. Id 2 keeps a
 * pattern of its own in the FPU across its windows. The kernel must forget
 * a partition's FPU state only when it stops (fault() in
 * kernel/arch/sparc/trap.c, other_trap() in kernel/arch/x86/trap.c): a
 * state forgotten on a fault the partition goes on from reads back as the
 * initial one.
 */
#include "tp.h"

#define ROUNDS   2           /* of each fault kind in each case */
#define G_ROUNDS 64          /* id 2's windows with a pattern: more than id 1 needs */
#define BAD_VA   0x50000000u /* mapped by no partition */

/* Distinct in every register, round and partition, and never zero (what
 * the initial state holds). */
static uint32_t pattern_word(uint32_t seed, uint32_t i)
{
    return 0x5f000000u | seed << 12 | 0x100u | i;
}

#if defined(__sparc__)
/* 32 single registers, then %fsr: where the asm below loads and stores. */
struct fpu_image {
    uint32_t f[32];
    uint32_t fsr;
} __attribute__((aligned(8)));

#define REGISTERS 32

/* The %fsr fields a partition sets with `ld %fsr` and that no FPop ran to
 * change: rounding direction (31:30), fcc (11:10), aexc (9:5), cexc (4:0).
 * TEM (27:23) stays 0: no exception traps. */
#define FSR_KEPT 0xc0000fffu

static void make_pattern(struct fpu_image *p, uint32_t seed)
{
    for (uint32_t i = 0; i < 32; i++) {
        p->f[i] = pattern_word(seed, i);
    }
    p->fsr = (seed & 3u) << 30 | ((seed >> 2) & 3u) << 10 | 0x15u << 5 | 0x0au;
}

/* Registers of out that differ from pattern; *first gets the first of
 * them, *ctl_ok whether %fsr agrees. */
static uint32_t lost(const struct fpu_image *pattern, const struct fpu_image *out, uint32_t *first,
                     int *ctl_ok)
{
    uint32_t n = 0;

    *first = 0;
    for (uint32_t i = 0; i < 32; i++) {
        if (out->f[i] != pattern->f[i] && !n++) {
            *first = i;
        }
    }
    *ctl_ok = ((out->fsr ^ pattern->fsr) & FSR_KEPT) == 0;
    return n;
}

static void report_lost(const char *fault, const char *when, uint32_t round, uint32_t n,
                        uint32_t first, int ctl_ok, const struct fpu_image *pattern,
                        const struct fpu_image *out)
{
    /* Short: the console cuts a line at 160 characters. */
    tp_printf(
        "%s, %s: round %u: %u registers LOST (%%f%u %08x not %08x), %%fsr %s (%08x not %08x)\n",
        fault, when, round, n, first, out->f[first], pattern->f[first], ctl_ok ? "kept" : "LOST",
        out->fsr, pattern->fsr);
}

#define LOAD_ALL                                                                                   \
    "ldd [%0 + 0], %%f0\n\tldd [%0 + 8], %%f2\n\t"                                                 \
    "ldd [%0 + 16], %%f4\n\tldd [%0 + 24], %%f6\n\t"                                               \
    "ldd [%0 + 32], %%f8\n\tldd [%0 + 40], %%f10\n\t"                                              \
    "ldd [%0 + 48], %%f12\n\tldd [%0 + 56], %%f14\n\t"                                             \
    "ldd [%0 + 64], %%f16\n\tldd [%0 + 72], %%f18\n\t"                                             \
    "ldd [%0 + 80], %%f20\n\tldd [%0 + 88], %%f22\n\t"                                             \
    "ldd [%0 + 96], %%f24\n\tldd [%0 + 104], %%f26\n\t"                                            \
    "ldd [%0 + 112], %%f28\n\tldd [%0 + 120], %%f30\n\t"                                           \
    "ld [%0 + 128], %%fsr\n\t"
#define STORE_ALL                                                                                  \
    "std %%f0, [%1 + 0]\n\tstd %%f2, [%1 + 8]\n\t"                                                 \
    "std %%f4, [%1 + 16]\n\tstd %%f6, [%1 + 24]\n\t"                                               \
    "std %%f8, [%1 + 32]\n\tstd %%f10, [%1 + 40]\n\t"                                              \
    "std %%f12, [%1 + 48]\n\tstd %%f14, [%1 + 56]\n\t"                                             \
    "std %%f16, [%1 + 64]\n\tstd %%f18, [%1 + 72]\n\t"                                             \
    "std %%f20, [%1 + 80]\n\tstd %%f22, [%1 + 88]\n\t"                                             \
    "std %%f24, [%1 + 96]\n\tstd %%f26, [%1 + 104]\n\t"                                            \
    "std %%f28, [%1 + 112]\n\tstd %%f30, [%1 + 120]\n\t"                                           \
    "st %%fsr, [%1 + 128]\n\t"
/* PV_HC_IDLE (2) by its trap: to the partition's next window. */
#define IDLE "mov 2, %%g1\n\tta 0x40\n\t"

/* The faults, each one instruction; %2 is the case's address. */
#define ILLEGAL    "unimp 0\n\t"
#define MISALIGNED "ld [%2], %%g1\n\t" /* %2 not 4-byte aligned */
#define UNMAPPED   "ld [%2], %%g1\n\t" /* %2 = BAD_VA */
#define DIVIDE     "udiv %2, %%g0, %%g1\n\t"

/* The pattern loaded, `before`, the fault, `after`, the registers stored:
 * one asm statement, so that no compiled code can run with the pattern in
 * the FPU but the handler (which uses none). */
#define FAULT_ROUND(name, before, fault, after)                                                    \
    static void name(const struct fpu_image *pattern, struct fpu_image *out, uintptr_t arg)        \
    {                                                                                              \
        __asm__ volatile(LOAD_ALL before fault after STORE_ALL                                     \
                         :                                                                         \
                         : "r"(pattern), "r"(out), "r"(arg)                                        \
                         : "g1", "o0", "cc", "memory", "f0", "f1", "f2", "f3", "f4", "f5", "f6",   \
                           "f7", "f8", "f9", "f10", "f11", "f12", "f13", "f14", "f15", "f16",      \
                           "f17", "f18", "f19", "f20", "f21", "f22", "f23", "f24", "f25", "f26",   \
                           "f27", "f28", "f29", "f30", "f31");                                     \
    }

/* Past the faulting instruction (a handler that returns to it faults
 * again). */
static void resume_past(struct pv_upcall_frame *f)
{
    f->pc = f->npc;
    f->npc += 4;
}

static uint32_t frame_pc(const struct pv_upcall_frame *f)
{
    return f->pc;
}

#elif defined(__i386__)
/* An FXSAVE image. */
struct fpu_image {
    uint8_t bytes[512];
} __attribute__((aligned(16)));

#define REGISTERS 16 /* ST0-7 (10 bytes each), XMM0-7 (16) */
#define ST_AT     32
#define XMM_AT    160

static void put32(struct fpu_image *p, uint32_t at, uint32_t v)
{
    for (uint32_t b = 0; b < 4; b++) {
        p->bytes[at + b] = (uint8_t)(v >> 8 * b);
    }
}

static uint32_t get32(const struct fpu_image *p, uint32_t at)
{
    return (uint32_t)p->bytes[at] | (uint32_t)p->bytes[at + 1] << 8 |
           (uint32_t)p->bytes[at + 2] << 16 | (uint32_t)p->bytes[at + 3] << 24;
}

/* Register i's bytes in the image and how many count. */
static uint32_t reg_at(uint32_t i, uint32_t *size)
{
    *size = i < 8 ? 10 : 16;
    return i < 8 ? ST_AT + 16 * i : XMM_AT + 16 * (i - 8);
}

/* Control and status: FCW with the rounding control varied (all
 * exceptions masked), FSW with the precision flag, every ST register
 * valid (abridged FTW), MXCSR with rounding control and a flag. */
static void make_pattern(struct fpu_image *p, uint32_t seed)
{
    uint32_t fcw = 0x037fu | (seed & 3u) << 10, fsw = 0x0020u;

    for (uint32_t i = 0; i < sizeof(p->bytes); i++) {
        p->bytes[i] = 0;
    }
    put32(p, 0, fcw | fsw << 16);
    p->bytes[4] = 0xff;
    put32(p, 24, 0x1fa0u | (seed & 3u) << 13);
    for (uint32_t i = 0; i < REGISTERS; i++) {
        uint32_t size, at = reg_at(i, &size);

        for (uint32_t w = 0; w < 4; w++) {
            put32(p, at + 4 * w, pattern_word(seed, 4 * i + w));
        }
        for (uint32_t b = size; b < 16; b++) {
            p->bytes[at + b] = 0; /* reserved bytes of an ST slot */
        }
    }
}

static uint32_t lost(const struct fpu_image *pattern, const struct fpu_image *out, uint32_t *first,
                     int *ctl_ok)
{
    uint32_t n = 0;

    *first = 0;
    for (uint32_t i = 0; i < REGISTERS; i++) {
        uint32_t size, at = reg_at(i, &size);

        for (uint32_t b = 0; b < size; b++) {
            if (out->bytes[at + b] != pattern->bytes[at + b]) {
                if (!n++) {
                    *first = i;
                }
                break;
            }
        }
    }
    *ctl_ok = get32(out, 0) == get32(pattern, 0) && out->bytes[4] == pattern->bytes[4] &&
              get32(out, 24) == get32(pattern, 24);
    return n;
}

static void report_lost(const char *fault, const char *when, uint32_t round, uint32_t n,
                        uint32_t first, int ctl_ok, const struct fpu_image *pattern,
                        const struct fpu_image *out)
{
    uint32_t size, at = reg_at(first, &size);

    (void)size;
    tp_printf(
        "%s, %s: round %u: %u registers LOST (%s%u %08x not %08x), FCW/FSW %08x MXCSR %08x %s\n",
        fault, when, round, n, first < 8 ? "ST" : "XMM", first % 8, get32(out, at),
        get32(pattern, at), get32(out, 0), get32(out, 24), ctl_ok ? "kept" : "LOST");
}

/* PV_HC_IDLE (2) by its trap: to the partition's next window. */
#define IDLE      "mov $2, %%eax\n\tint $0x80\n\t"

/* The faults, each one instruction of 2 bytes; %%ecx is the case's
 * argument. */
#define ILLEGAL   "ud2\n\t"
#define UNMAPPED  "mov (%%ecx), %%eax\n\t" /* %ecx = BAD_VA */
#define DIVIDE    "div %%ecx\n\t"          /* %ecx = 0 */

/* As on SPARC; the compiler uses no FPU register on x86 at all
 * (-mno-80387 -mno-mmx -mno-sse). */
#define FAULT_ROUND(name, before, fault, after)                                                    \
    static void name(const struct fpu_image *pattern, struct fpu_image *out, uintptr_t arg)        \
    {                                                                                              \
        __asm__ volatile("fxrstor (%0)\n\t" before fault after "fxsave (%1)\n\t"                   \
                         :                                                                         \
                         : "r"(pattern), "r"(out), "c"(arg)                                        \
                         : "eax", "edx", "cc", "memory");                                          \
    }

static void resume_past(struct pv_upcall_frame *f)
{
    f->eip += 2;
}

static uint32_t frame_pc(const struct pv_upcall_frame *f)
{
    return f->eip;
}

#else
#error "x86 and SPARC only"
#endif

#define NONE ""

typedef void round_fn(const struct fpu_image *, struct fpu_image *, uintptr_t);

/* Id 2's round: the pattern kept across a window switch, no fault. */
FAULT_ROUND(keep_across_window, NONE, NONE, IDLE)

/* Each fault kind in the three cases. */
#define FAULT_KIND(kind)                                                                           \
    FAULT_ROUND(kind##_at_once, NONE, kind, NONE)                                                  \
    FAULT_ROUND(kind##_then_switch, NONE, kind, IDLE)                                              \
    FAULT_ROUND(kind##_after_switch, IDLE, kind, NONE)
#define CASES_OF(kind)                                                                             \
    {                                                                                              \
        kind##_at_once, kind##_then_switch, kind##_after_switch                                    \
    }

static const char *const whens[3] = {
    "checked at once",
    "other partition's window next",
    "other partition holding the FPU",
};

FAULT_KIND(ILLEGAL)
FAULT_KIND(UNMAPPED)
FAULT_KIND(DIVIDE)
#if defined(__sparc__)
FAULT_KIND(MISALIGNED)
#endif

#if defined(__sparc__)
static uint32_t odd_word[2]; /* the misaligned load's: 2 bytes in */
#endif

static const struct {
    const char *fault, *error_name;
    uint32_t error; /* PV_HM_* */
    uintptr_t arg;
    round_fn *run[3]; /* per whens[] */
} kinds[] = {
    {"illegal instruction", "illegal-instruction", PV_HM_ILLEGAL_INSTRUCTION, 0, CASES_OF(ILLEGAL)},
    {"unmapped load", "memory-violation", PV_HM_MEMORY_VIOLATION, BAD_VA, CASES_OF(UNMAPPED)},
    {"division by zero", "divide-error", PV_HM_DIVIDE_ERROR, 0, CASES_OF(DIVIDE)},
#if defined(__sparc__)
    {"misaligned load", "misaligned-access", PV_HM_MISALIGNED_ACCESS, (uintptr_t)odd_word + 2,
     CASES_OF(MISALIGNED)},
#endif
};

#define KINDS (sizeof(kinds) / sizeof(kinds[0]))

/* Synchronous errors at the faulting pc the handler saw, by id. */
static volatile uint32_t handled[PV_HM_ERROR_COUNT];

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    volatile struct pv_shared *s = pv_shared();

    if (!(f->lines & (1u << PV_IRQ_HM))) {
        return;
    }
    if (!(s->hm_flags & PV_HM_FLAG_SYNC) || s->hm_pc != frame_pc(f) ||
        s->hm_error >= PV_HM_ERROR_COUNT) {
        /* Resuming would fault again, or hide what happened. */
        tp_printf("handler: unexpected error %u, flags %u\n", s->hm_error, s->hm_flags);
        pv_halt_self();
    }
    handled[s->hm_error]++;
    resume_past(f);
}

static void faulter(void)
{
    static struct fpu_image pattern, out;
    uint32_t seed = 1;

    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_HM);
    pv_irq_enable();
    for (uint32_t k = 0; k < KINDS; k++) {
        for (uint32_t w = 0; w < 3; w++) {
            uint32_t r;

            for (r = 0; r < ROUNDS; r++, seed++) {
                uint32_t n, first;
                int ctl_ok;

                make_pattern(&pattern, seed);
                pv_idle(); /* at a window start: "at once" stays in one window */
                kinds[k].run[w](&pattern, &out, kinds[k].arg);
                n = lost(&pattern, &out, &first, &ctl_ok);
                if (n || !ctl_ok) {
                    report_lost(kinds[k].fault, whens[w], r, n, first, ctl_ok, &pattern, &out);
                    break;
                }
            }
            if (r == ROUNDS) {
                tp_printf("%s, %s: every register kept\n", kinds[k].fault, whens[w]);
            }
        }
    }
    for (uint32_t k = 0; k < KINDS; k++) {
        tp_printf("handler: %u %s, synchronous at the faulting pc\n", handled[kinds[k].error],
                  kinds[k].error_name);
    }
}

/* Id 2: a pattern of its own in the FPU across each of its windows, while
 * id 1 faults in between. */
static void keeper(void)
{
    static struct fpu_image pattern, out;
    uint32_t kept = 0;

    for (uint32_t r = 0; r < G_ROUNDS; r++) {
        uint32_t first;
        int ctl_ok;

        make_pattern(&pattern, 0x80 + r);
        keep_across_window(&pattern, &out, 0);
        kept += lost(&pattern, &out, &first, &ctl_ok) == 0 && ctl_ok;
    }
    tp_printf("pattern kept across %u of %u windows\n", kept, G_ROUNDS);
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        faulter();
    } else {
        keeper();
    }
}
