/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hypercall fuzzer's generator (fuzzer.c, docs/testing.md): a
 * xoshiro128** stream kept in the area "keep", the pointers and lengths it
 * draws (own areas at their edges, the control page, other partitions, the
 * kernel, wrapping lengths) and the calls built from them, each with what
 * the oracle in fuzzer.c may expect of it.
 */
#include "fuzzer.h"
#include <stddef.h>
#include "tp.h"

/* ---- the partition's layout (tests/system/systems/fuzz*.xml) ---- */

struct area {
    uint32_t va, len, rights; /* rights: FZ_R, FZ_W, FZ_X */
};

static const struct area areas[] = {
    {CODE_VA, CODE_LEN, FZ_R | FZ_X},
    {DATA_VA, DATA_LEN, FZ_R | FZ_W},
    {RO_VA, RO_LEN, FZ_R},
    {SCR_VA, SCR_LEN, FZ_R | FZ_W},
    {SCR2_VA, SCR2_LEN, FZ_R | FZ_W},
    {KEEP_VA, KEEP_LEN, FZ_R | FZ_W},
};
#define NAREAS (sizeof(areas) / sizeof(areas[0]))

/* Is [p, p + len) inside one area with the rights? (docs/pv-api.md) */
int range_ok(pv_word_t p, pv_word_t len, uint32_t rights)
{
    if (len == 0) {
        return 1;
    }
    if (p + (len - 1) < p) {
        return 0;
    }
    for (uint32_t i = 0; i < NAREAS; i++) {
        const struct area *a = &areas[i];

        if (p >= a->va && p - a->va < a->len) {
            return len <= a->len - (p - a->va) && (a->rights & rights) == rights;
        }
    }
    return 0;
}

static uint32_t rotl(uint32_t x, int k)
{
    return (x << k) | (x >> (32 - k));
}

uint32_t rnd(void)
{
    volatile uint32_t *s = K->rng;
    uint32_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 9;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r;
}

uint32_t below(uint32_t n)
{
    return rnd() % n;
}

static pv_word_t pick(const pv_word_t *v, uint32_t n)
{
    return v[below(n)];
}

/* One of the values (register words), each as likely. */
#define PICK(...)                                                                                  \
    ({                                                                                             \
        const pv_word_t v_[] = {__VA_ARGS__};                                                      \
        pick(v_, sizeof(v_) / sizeof(v_[0]));                                                      \
    })

#if PV_WORD_BITS > 32
/* 64-bit registers: values a kernel that cut them to 32 bits would take
 * for others - 4 GiB and more above an own address or a valid number,
 * Sv39's non-canonical addresses (bit 38 not copied upwards) - picked as
 * often as the 32-bit ones. On 32-bit arches nothing is drawn for them, so
 * a seed's calls are those of before. */
#define WIDE_HALF  ((pv_word_t)1 << 32)
#define NONCANON   ((pv_word_t)1 << 38)
#define WIDE_EXTRA , ~(pv_word_t)0, WIDE_HALF, ((pv_word_t)rnd() << 32) | rnd()
/* Numbers of calls 4 GiB and more up: build() gives them that call's
 * arguments. */
#define WIDE_NR_EXTRA                                                                              \
    , WIDE_HALF + below(PV_HC_COUNT), ((pv_word_t)(rnd() | 1) << 32) + below(PV_HC_COUNT)

static pv_word_t widen(pv_word_t v)
{
    switch (below(8)) {
    case 0:
        return v + WIDE_HALF;
    case 1:
        return v | NONCANON;
    case 2:
        return v + ((pv_word_t)(rnd() | 1) << 32);
    case 3:
        return v | (pv_word_t)1 << 63;
    default:
        return v;
    }
}
#define WIDEN(v) (below(4) ? (v) : widen(v))
#else
#define WIDE_EXTRA
#define WIDE_NR_EXTRA
#define WIDEN(v) (v)
#endif

static uint32_t mix(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    return x ^ (x >> 16);
}

void seed_rng(uint32_t seed)
{
    for (int i = 0; i < 4; i++) {
        K->rng[i] = mix(seed + 0x9e3779b9u * (uint32_t)(i + 1)) | (i == 0);
    }
}

/* ---- pointers and lengths ---- */

/* Addresses that are never the fuzzer's: kernel, other partitions, NULL. */
static const pv_word_t foreign[] = {
    0,
    1,
    0xfff,
    0x1000,
    0x00100000,
    VICTIM_PHYS,
    VICTIM_VA,
    VICTIM_VA + 0x3fff,
    0x50000000,
    0x7ffffffc,
    0x80000000,
    KERNEL_VA,
    KERNEL_VA + 0x1000,
    KERNEL_VA + 0x00100000,
    0xfffff000,
    0xfffffffc,
    0xffffffff,
    PV_SHARED_VA,
    PV_SHARED_VA + 0xffc,
    PV_SHARED_VA + 0x1000,
    CODE_VA - 1,
    KEEP_VA + KEEP_LEN,
#if PV_WORD_BITS > 32
    /* Above 4 GiB: own areas and the control page seen through their low
     * 32 bits, the top of Sv39's lower half, non-canonical addresses (bit
     * 38 set, the bits above it clear, or the reverse), the kernel's half. */
    WIDE_HALF,
    WIDE_HALF + SCR_VA,
    WIDE_HALF + DATA_VA,
    WIDE_HALF + CODE_VA,
    WIDE_HALF + PV_SHARED_VA,
    ((pv_word_t)1 << 38) - 0x1000,
    NONCANON,
    NONCANON + SCR_VA,
    NONCANON + PV_SHARED_VA,
    ~(pv_word_t)0 - NONCANON + 1 + SCR_VA,
    ((pv_word_t)1 << 63) + SCR_VA,
    0xffffffc000000000ul,
    KERNEL_VA + 0x1000,
    KERNEL_VA + 0x00100000,
    0xfffffffffffff000ul,
    ~(pv_word_t)0,
#endif
};

extern char __heap_start[];

/* The kernel would take a frame at p (readable; alignment aside). */
static int frame_ok(pv_word_t p)
{
    return range_ok(p - UPCALL_BELOW, sizeof(struct pv_upcall_frame) + UPCALL_BELOW, FZ_R);
}

/* ... and the fuzzer may write it there: scratch or the data area's tail. */
static int craftable(pv_word_t p)
{
    pv_word_t lo = p - UPCALL_BELOW, tail = ((uint32_t)(uintptr_t)__heap_start + 0xfff) & ~0xfffu;

    if (!range_ok(lo, sizeof(struct pv_upcall_frame) + UPCALL_BELOW, FZ_W)) {
        return 0;
    }
    return (lo >= SCR_VA && lo < SCR2_VA + SCR2_LEN) || (lo >= tail && lo < DATA_VA + DATA_LEN);
}

/* A pointer for an object of `size` bytes. writes: the kernel may write
 * there, so only areas whose contents do not matter to the fuzzer
 * (scratch, and the unused tail of the data area). */
static pv_word_t gen_own_ptr(uint32_t size, int writes, uint32_t r);

static pv_word_t gen_ptr(uint32_t size, int writes)
{
    uint32_t r = below(16);

    if (r < 4) {
        pv_word_t p = pick(foreign, sizeof(foreign) / sizeof(foreign[0]));

        return below(4) ? p : p + below(64) - 32;
    }
    if (r == 4) {
        return WIDEN(rnd());
    }
    return WIDEN(gen_own_ptr(size, writes, r));
}

/* In or at the edges of an own area (r: gen_ptr's draw, 5..15). */
static pv_word_t gen_own_ptr(uint32_t size, int writes, uint32_t r)
{
    pv_word_t base, len;

    if (writes || r < 10) {
        switch (below(4)) {
        case 0:
            base = SCR2_VA, len = SCR2_LEN;
            break;
        case 1: {
            uint32_t tail = ((uint32_t)(uintptr_t)__heap_start + 0xfff) & ~0xfffu;

            base = tail, len = DATA_VA + DATA_LEN - tail;
            break;
        }
        default:
            base = SCR_VA, len = SCR_LEN;
        }
    } else {
        const struct area *a = &areas[below(NAREAS)];

        base = a->va, len = a->len;
    }
    size = size ? size : 1;
    switch (below(8)) {
    case 0:
        return base; /* first byte */
    case 1:
        return base + len - 1; /* last byte */
    case 2:
        return base + len - size; /* the object ends exactly at the area end */
    case 3:
        return base + len - size + 1 + below(size); /* straddles the area end */
    case 4:
        return base + len; /* one past */
    case 5:
        return base - 1 - below(size);
    case 6:
        return base + (below(len / 4096 + 1) * 4096) - below(size + 1); /* page boundary */
    default:
        return base + (below(len) & ~7u);
    }
}

static pv_word_t gen_len32(pv_word_t p, uint32_t bound);

/* A length for a range at p, the call accepting at most bound bytes. */
static pv_word_t gen_len(pv_word_t p, uint32_t bound)
{
    return WIDEN(gen_len32(p, bound));
}

static pv_word_t gen_len32(pv_word_t p, uint32_t bound)
{
    switch (below(14)) {
    case 0:
        return 0;
    case 1:
        return 1;
    case 2:
        return bound;
    case 3:
        return bound + 1;
    case 4:
        return bound - 1;
    case 5:
        return (pv_word_t)0 - p; /* up to the end of the address space */
    case 6:
        return (pv_word_t)0 - p + 1 + below(64); /* wraps */
    case 7:
        return 0xffffffffu;
    case 8:
        return 0x80000000u + below(16);
    case 9: { /* exactly to the end of p's area, or one more */
        for (uint32_t i = 0; i < NAREAS; i++) {
            if (p >= areas[i].va && p - areas[i].va < areas[i].len) {
                return areas[i].va + areas[i].len - p + below(2);
            }
        }
        return below(256);
    }
    case 10:
        return rnd();
    default:
        return 1 + below(bound < 64 ? bound : 64);
    }
}

/* ---- one hypercall ---- */

static void add_ptr(struct call *c, pv_word_t p, pv_word_t len, uint32_t rights)
{
    c->p[c->np] = p;
    c->len[c->np] = len;
    c->rights[c->np] = rights;
    c->np++;
}

static uint64_t now_ns(void)
{
    return pv_clock_ns();
}

static uint64_t gen_time(void)
{
    uint64_t now = now_ns();

    switch (below(9)) {
    case 0:
        return 0;
    case 1:
        return 1;
    case 2:
        return now - 1000;
    case 3:
        return 1ull << 63;
    case 4:
        return (1ull << 63) + 1;
    case 5:
        return ~0ull;
    case 6:
        return ((uint64_t)rnd() << 32) | rnd();
    default:
        return now + 2000 + below(400000);
    }
}

static uint64_t gen_period(void)
{
    switch (below(9)) {
    case 0:
    case 1:
        return 0;
    case 2:
        return PV_TIMER_MIN_PERIOD_NS - 1;
    case 3:
        return PV_TIMER_MIN_PERIOD_NS;
    case 4:
        return 1ull << 62;
    case 5:
        return (1ull << 62) + 1;
    case 6:
        return ((uint64_t)rnd() << 32) | rnd();
    default:
        return 20000 + below(400000);
    }
}

/* Ids of partitions; wide ones (64-bit registers) name the victim or the
 * fuzzer itself in their low 32 bits. */
static pv_word_t gen_part_id(void)
{
    return WIDEN(
        PICK(PV_PART_SELF, FUZZ_ID, VICTIM_ID, SPIN_ID, 0, 4, 255, 0x7fffffff, 0xfffffffe, rnd()));
}

static pv_word_t gen_port(void)
{
    uint32_t r = below(8);

    if (r < 4) {
        return WIDEN((pv_word_t)(uint32_t)K->ports[r]);
    }
    return WIDEN(PICK(4, 5, 6, 7, 64, 0xffffffffu, 0x80000000u, 0x7fffffffu, rnd()));
}

static const char *const port_names[] = {"QS", "QD", "SS", "SD", "VD", "Q", "QSX", ""};

static void build_ports(struct call *c)
{
    pv_word_t len, p;

    switch (c->nr) {
    case PV_HC_PORT_OPEN:
        if (below(2)) {
            /* A real name copied to scratch: found or not by its length. */
            const char *n = port_names[below(8)];
            char *dst = (char *)(uintptr_t)(SCR_VA + below(SCR_LEN - 64));
            uint32_t i = 0;

            for (; n[i]; i++) {
                dst[i] = n[i];
            }
            c->a[0] = WIDEN((pv_word_t)(uintptr_t)dst);
            c->a[1] = PICK(i, i, 0, 31, 32, 0xffffffffu);
        } else {
            c->a[0] = gen_ptr(32, 0);
            c->a[1] = gen_len(c->a[0], 31);
        }
        if (c->a[1] >= 1 && c->a[1] <= 31) {
            add_ptr(c, c->a[0], c->a[1], FZ_R);
        }
        break;
    case PV_HC_PORT_WRITE:
        p = gen_ptr(32, 0);
        len = gen_len(p, PICK(16, 32));
        c->a[0] = gen_port();
        c->a[1] = p;
        c->a[2] = len;
        if (len <= 16) {
            add_ptr(c, p, len, FZ_R);
        }
        break;
    case PV_HC_PORT_READ:
        p = gen_ptr(32, 1);
        c->a[0] = gen_port();
        c->a[1] = p;
        c->a[2] = gen_len(p, PICK(16, 32));
        c->a[3] = below(3) ? gen_ptr(sizeof(struct pv_port_message_info), 1) : 0;
        /* The buffer is checked in check(): a read wrote `ret` bytes. */
        if (c->a[3]) {
            add_ptr(c, c->a[3], sizeof(struct pv_port_message_info), FZ_W);
        }
        break;
    case PV_HC_PORT_STATUS:
        c->a[0] = gen_port();
        c->a[1] = gen_ptr(sizeof(struct pv_port_status), 1);
        add_ptr(c, c->a[1], sizeof(struct pv_port_status), FZ_W);
        break;
    default: /* PV_HC_PORT_CLEAR */
        c->a[0] = gen_port();
        break;
    }
}

/* The next hypercall, chosen by weight (out of 1024); 64 are numbers
 * that do not exist. Halting itself is left out: the run would end. */
static const uint16_t weights[PV_HC_COUNT] = {
    [PV_HC_CONSOLE_WRITE] = 40, [PV_HC_TIME_GET] = 60,      [PV_HC_IDLE] = 2,
    [PV_HC_UPCALL_SET] = 40,    [PV_HC_UPCALL_RETURN] = 60, [PV_HC_IRQ_SYNC] = 30,
    [PV_HC_TIMER_SET] = 80,     [PV_HC_PART_STATUS] = 70,   [PV_HC_PART_CONTROL] = 60,
    [PV_HC_CONSOLE_READ] = 50,  [PV_HC_PORT_OPEN] = 70,     [PV_HC_PORT_WRITE] = 70,
    [PV_HC_PORT_READ] = 70,     [PV_HC_PORT_STATUS] = 60,   [PV_HC_PORT_CLEAR] = 40,
    [PV_HC_PLAN_SWITCH] = 30,   [PV_HC_MODE_SET] = 30,      [PV_HC_HM_RAISE] = 50,
    [PV_HC_HM_LOG_READ] = 48,
};

static pv_word_t pick_nr(void)
{
    uint32_t r = below(1024);

    if (r < 64) {
        /* 64-bit registers: also a call's number 4 GiB and more up. */
        return WIDEN(PICK(PV_HC_COUNT, PV_HC_COUNT + 1, 0xff, 0x100, 0xffff, 0x10000, 0x80000000u,
                          0xffffffffu, rnd() WIDE_EXTRA WIDE_NR_EXTRA));
    }
    r -= 64;
    for (uint32_t nr = 0; nr < PV_HC_COUNT; nr++) {
        if (r < weights[nr]) {
            return nr;
        }
        r -= weights[nr];
    }
    return PV_HC_IRQ_SYNC;
}

static void build_args(struct call *c);

void build(struct call *c)
{
    pv_word_t nr = pick_nr(), high = nr - (uint32_t)nr;

    if (high && (uint32_t)nr < PV_HC_COUNT) {
        /* A wide number whose low 32 bits are a call, with that call's own
         * arguments: a kernel that cut the number would make the call
         * (halt_self, upcall_return of a random frame, ...) instead of
         * returning PV_ENOSYS. */
        c->nr = (uint32_t)nr;
        build_args(c);
        c->nr += high;
        c->np = 0;
        c->oracle_exact = 0;
        return;
    }
    c->nr = nr;
    build_args(c);
}

/* The arguments of call c->nr. */
static void build_args(struct call *c)
{
    pv_word_t p;

    for (int i = 0; i < 5; i++) {
        c->a[i] = PICK(0, 1, 0xffffffffu, 0x80000000u, rnd() WIDE_EXTRA);
    }
    switch (c->nr) {
    case PV_HC_CONSOLE_WRITE:
        p = gen_ptr(16, 0);
        c->a[0] = p;
        c->a[1] = gen_len(p, PV_CONSOLE_WRITE_MAX);
        /* Keep the output readable: long valid writes are rare. */
        if (c->a[1] > 8 && range_ok(p, c->a[1], FZ_R) && below(32)) {
            c->a[1] = below(9);
        }
        if (c->a[1] <= PV_CONSOLE_WRITE_MAX) {
            add_ptr(c, p, c->a[1], FZ_R);
            c->oracle_exact = 1;
        }
        break;
    case PV_HC_TIME_GET:
        c->a[0] = gen_ptr(8, 1);
        add_ptr(c, c->a[0], 8, FZ_W);
        c->oracle_exact = 1;
        break;
    case PV_HC_UPCALL_SET:
        c->a[0] = below(4) ? gen_ptr(4, 0) : CODE_VA + below(CODE_LEN);
        if (c->a[0]) {
            add_ptr(c, c->a[0], 1, FZ_X);
        }
        break;
    case PV_HC_UPCALL_RETURN:
        c->a[0] = gen_ptr(sizeof(struct pv_upcall_frame), 1);
        /* A frame the kernel would accept must be one the fuzzer wrote:
         * any other would resume it nowhere it can recover from. */
        if (frame_ok(c->a[0]) && !craftable(c->a[0])) {
            c->a[0] = KERNEL_VA;
        }
        add_ptr(c, c->a[0] - UPCALL_BELOW, sizeof(struct pv_upcall_frame) + UPCALL_BELOW, FZ_R);
        break;
    case PV_HC_TIMER_SET: {
        uint64_t dl = gen_time(), per = gen_period();

        c->a[0] = WIDEN(PICK(PV_CLOCK_WALL, PV_CLOCK_EXEC, PV_CLOCK_WALL, 2, 0xffffffffu));
        /* Each 64-bit value in PV_U64_WORDS words (pv/hcall_words.h). */
        pv_u64_to_words(&c->a[PV_TIMER_SET_ARG_DEADLINE], dl);
        pv_u64_to_words(&c->a[PV_TIMER_SET_ARG_PERIOD], per);
        break;
    }
    case PV_HC_PART_STATUS:
        c->a[0] = gen_part_id();
        c->a[1] = gen_ptr(sizeof(struct pv_partition_status), 1);
        add_ptr(c, c->a[1], sizeof(struct pv_partition_status), FZ_W);
        c->oracle_exact = c->a[0] == PV_PART_SELF || c->a[0] == FUZZ_ID || c->a[0] == VICTIM_ID;
        break;
    case PV_HC_PART_CONTROL:
        c->a[0] = gen_part_id();
        c->a[1] = PICK(PV_PART_HALT, PV_PART_RESTART, 2, 0xffffffffu, rnd());
        /* Never stop the victim or the fuzzer itself; restarts of itself
         * come from restart() only. */
        if ((c->a[0] == VICTIM_ID || c->a[0] == FUZZ_ID || c->a[0] == PV_PART_SELF) &&
            c->a[1] <= PV_PART_RESTART) {
            c->a[1] = 2 + below(1000);
        }
        break;
    case PV_HC_CONSOLE_READ:
        p = gen_ptr(64, 1);
        c->a[0] = p;
        c->a[1] = gen_len(p, PV_CONSOLE_WRITE_MAX);
        /* No input is ever typed: a success copied nothing. */
        if (c->a[1] <= PV_CONSOLE_WRITE_MAX) {
            add_ptr(c, p, c->a[1], FZ_W);
            c->oracle_exact = 1;
        }
        break;
    case PV_HC_PORT_OPEN:
    case PV_HC_PORT_WRITE:
    case PV_HC_PORT_READ:
    case PV_HC_PORT_STATUS:
    case PV_HC_PORT_CLEAR:
        build_ports(c);
        break;
    case PV_HC_PLAN_SWITCH:
        c->a[0] = WIDEN(PICK(0, 0, 1, 2, 0xffffffffu, rnd()));
        break;
    case PV_HC_MODE_SET:
        /* IDLE would halt, the restarts come from restart(); wide values
         * whose low bits are one of those are the kernel's to refuse. */
        c->a[0] = WIDEN(PICK(PV_MODE_NORMAL, PV_MODE_NORMAL, 4, 5, 0xffffffffu, rnd()));
        if (c->a[0] <= PV_MODE_WARM_START) {
            c->a[0] = PV_MODE_NORMAL;
        }
        break;
    case PV_HC_HM_RAISE:
        c->a[0] = WIDEN(PICK(PV_HM_STACK_OVERFLOW, PV_HM_APPLICATION_ERROR, PV_HM_APPLICATION_ERROR,
                             PV_HM_MEMORY_VIOLATION, PV_HM_HYPERCALL_MISUSE, PV_HM_RESTART_LOOP,
                             PV_HM_ERROR_COUNT, 0xffffffffu, rnd()));
        /* The restarting errors (deadline-missed, fatal-error) come from
         * restart() only. */
        if (c->a[0] == PV_HM_DEADLINE_MISSED || c->a[0] == PV_HM_FATAL_ERROR) {
            c->a[0] = PV_HM_STACK_OVERFLOW;
        }
        break;
    case PV_HC_HM_LOG_READ: {
        pv_word_t max = WIDEN(PICK(0, 1, 64, 65, 0xffffffffu, 0x0aaaaaabu, rnd()));
        uint32_t n = max < 64 ? (uint32_t)max : 64;

        c->a[0] = PICK(0, 1, 0xffffffffu, rnd());
        c->a[1] = gen_ptr(n * sizeof(struct pv_hm_entry), 1);
        c->a[2] = max;
        c->a[3] = below(3) ? gen_ptr(sizeof(struct pv_hm_log_status), 1) : 0;
        add_ptr(c, c->a[1], n * sizeof(struct pv_hm_entry), FZ_W);
        if (c->a[3]) {
            add_ptr(c, c->a[3], sizeof(struct pv_hm_log_status), FZ_W);
        }
        break;
    }
    default:
        break;
    }
#if defined(__i386__)
    c->hostile = below(16) == 0 && c->nr != PV_HC_UPCALL_RETURN;
#endif
}

/* Fills a frame at p (in scratch) that resumes at fault_resume on a fresh
 * stack, or at an address that faults; the rest is random. */
void craft_frame(pv_word_t p)
{
    uint32_t *w = (uint32_t *)(uintptr_t)p;
    uint32_t n = (sizeof(struct pv_upcall_frame) + UPCALL_BELOW) / 4;
    struct pv_upcall_frame *f = (struct pv_upcall_frame *)(uintptr_t)p;
    pv_word_t resume =
        PICK((uintptr_t)fault_resume, (uintptr_t)fault_resume, (uintptr_t)fault_resume, 0,
             KERNEL_VA, VICTIM_VA, 0x50000000, (uintptr_t)fault_resume + 2);

    /* SPARC: the kernel refuses a frame that is not 8-byte aligned (the
     * fuzzer could not store one there anyway). */
    if (!craftable(p) || (UPCALL_BELOW && (p & 7))) {
        return;
    }
    w -= UPCALL_BELOW / 4;
    for (uint32_t i = 0; i < n; i++) {
        w[i] = rnd();
    }
#if defined(__i386__)
    f->eip = resume;
    f->esp = ((uint32_t)(uintptr_t)__stack_top & ~15u) - 16;
#elif defined(__riscv)
    /* Any pc, sp on a fresh stack (x[1] is x2); the registers stay random. */
    f->pc = below(8) ? resume : WIDEN(resume) + PICK(0, 1, 2, WIDE_HALF);
    f->x[1] = ((uintptr_t)__stack_top & ~15ul) - 16;
#else
    f->pc = resume;
    f->npc = below(8) ? resume + 4 : PICK(0, KERNEL_VA, resume + 2);
    f->o[6] = ((uint32_t)(uintptr_t)__stack_top & ~7u) - 96;
#endif
}
