/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 only: runs every encoding of the 0F, 0F 38 and 0F 3A opcode maps
 * (without a prefix and with 66, F2, F3; register form modrm C0 and memory
 * form modrm 00) and every x87 encoding (D8-DF with all 256 modrm bytes,
 * and fwait), in a partition without the FPU right, next to a partition
 * that owns the FPU (fpuwatch.c). Each encoding runs in its own slot of
 * generated code that first sets every general register; a fault is
 * propagated to this partition's health-monitor handler, which goes on at
 * the next slot. An encoding that runs without a fault is followed by a
 * check of the general registers and the scratch memory for the victim's
 * register pattern: what a partition can read of another's FPU state.
 */
#include "tp.h"
#include "fpupattern.h"

#define SLOT_SIZE  64
#define INSN_AT    40
#define CALL_AT    59
#define MAP_SLOTS  (4 * 3 * 256 * 2)
#define X87_SLOTS  (8 * 256 + 1)
#define NUM_SLOTS  (MAP_SLOTS + X87_SLOTS)
#define CODE_VA    0x40200000u /* the "scan" area: rwx */
#define SCRATCH_SZ 4096

static uint8_t scratch[SCRATCH_SZ] __attribute__((aligned(16)));
static uint8_t stack[16384] __attribute__((aligned(16)));
static uint32_t scanned, faulted, ran, leaks;
static uint32_t faults_by_class[PV_HM_ERROR_COUNT];
static uint8_t ran_ok[NUM_SLOTS];

static uint8_t *slot_addr(uint32_t k)
{
    return (uint8_t *)(uintptr_t)(CODE_VA + k * SLOT_SIZE);
}

static uint32_t stack_top(void)
{
    return (uint32_t)(uintptr_t)(stack + sizeof(stack) - 256);
}

static uint32_t scratch_mid(void)
{
    return (uint32_t)(uintptr_t)(scratch + SCRATCH_SZ / 2);
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
    return p + 4;
}

extern char scan_slot_done[];
void scan_check(uint32_t *regs);
__attribute__((noreturn)) void scan_end(void);

/* After an encoding that did not fault: the general registers as pusha
 * left them, then back into the slot, which falls through to the next. */
__asm__(".text\n"
        "scan_slot_done:\n\t"
        "pusha\n\t"
        "mov %esp, %eax\n\t"
        "push %eax\n\t"
        "call scan_check\n\t"
        "add $4, %esp\n\t"
        "popa\n\t"
        "ret\n");

/* The bytes of encoding k, into p; returns their number. */
static uint32_t encoding(uint32_t k, uint8_t *p)
{
    static const uint8_t prefixes[4] = {0, 0x66, 0xf2, 0xf3};
    uint32_t n = 0;

    if (k < MAP_SLOTS) {
        uint32_t form = k & 1, op = (k >> 1) & 0xff, map = (k >> 9) % 3, pre = (k >> 9) / 3;

        /* bswap %esp would leave no stack for the fault handler's upcall
         * frame; it is no FPU form: a NOP stands in for it. */
        if (map == 0 && op == 0xcc) {
            p[n++] = 0x90;
            return n;
        }

        if (prefixes[pre]) {
            p[n++] = prefixes[pre];
        }
        p[n++] = 0x0f;
        if (map == 1) {
            p[n++] = 0x38;
        }
        if (map == 2) {
            p[n++] = 0x3a;
        }
        p[n++] = (uint8_t)op;
        p[n++] = form ? 0xc0 : 0x00;
        return n; /* an immediate or displacement takes the NOPs after it */
    }
    k -= MAP_SLOTS;
    if (k == 8 * 256) {
        p[n++] = 0x9b; /* fwait */
        return n;
    }
    p[n++] = (uint8_t)(0xd8 + (k >> 8));
    p[n++] = (uint8_t)k;
    return n;
}

static void build_slot(uint32_t k)
{
    uint8_t *s = slot_addr(k), *p = s;
    static const uint8_t movs[6] = {0xb8, 0xbb, 0xb9,
                                    0xba, 0xbf, 0xbd}; /* eax ebx ecx edx edi ebp */
    int32_t rel;

    for (int i = 0; i < SLOT_SIZE; i++) {
        s[i] = 0x90;
    }
    *p++ = 0xbc; /* mov $stack, %esp */
    p = put32(p, stack_top());
    *p++ = 0xbe; /* mov $k, %esi */
    p = put32(p, k);
    for (int i = 0; i < 6; i++) {
        *p++ = movs[i];
        p = put32(p, scratch_mid());
    }
    encoding(k, s + INSN_AT);
    s[CALL_AT] = 0xe8; /* call scan_slot_done */
    rel = (int32_t)((uint32_t)(uintptr_t)scan_slot_done - (uint32_t)(uintptr_t)(s + CALL_AT + 5));
    put32(s + CALL_AT + 1, (uint32_t)rel);
}

static void build_end(void)
{
    uint8_t *p = slot_addr(NUM_SLOTS);

    *p++ = 0xbc; /* mov $stack, %esp */
    p = put32(p, stack_top());
    *p++ = 0xb8; /* mov $scan_end, %eax; jmp *%eax */
    p = put32(p, (uint32_t)(uintptr_t)scan_end);
    *p++ = 0xff;
    *p = 0xe0;
}

static int is_pattern(uint32_t w)
{
    return (w & FPU_MAGIC_MASK) == FPU_MAGIC;
}

static void clear_scratch(void)
{
    for (uint32_t i = 0; i < SCRATCH_SZ; i++) {
        scratch[i] = 0;
    }
}

void scan_check(uint32_t *regs)
{
    /* pusha: edi, esi, ebp, esp, ebx, edx, ecx, eax; above them the return
     * address, which is in the slot (bswap %esi may have changed %esi). */
    uint32_t k = (regs[8] - CODE_VA - 1) / SLOT_SIZE;
    int leak = 0;

    for (int i = 0; i < 8; i++) {
        leak |= is_pattern(regs[i]);
    }
    /* regs[3] is the %esp pusha saw; the slot set it: nothing to read there. */
    for (uint32_t i = 0; i + 4 <= SCRATCH_SZ; i += 4) {
        leak |= is_pattern(*(const uint32_t *)(const void *)(scratch + i));
    }
    if (k < NUM_SLOTS) {
        ran_ok[k] = 1;
        ran++;
        if (leak) {
            uint8_t b[8] = {0};
            uint32_t n = encoding(k, b);

            leaks++;
            tp_printf("LEAK after %02x %02x %02x %02x %02x (%u bytes)\n", b[0], b[1], b[2], b[3],
                      b[4], n);
        }
    }
    scanned++;
    clear_scratch();
}

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t k = f->esi;

    if (!(f->lines & (1u << PV_IRQ_HM))) {
        return;
    }
    /* The slot is where it faulted, unless the encoding jumped away: then
     * %esi says (only bswap %esi changes it, and does not jump). */
    if (f->eip >= CODE_VA && f->eip < CODE_VA + NUM_SLOTS * SLOT_SIZE) {
        k = (f->eip - CODE_VA) / SLOT_SIZE;
    }
    if (k >= NUM_SLOTS) {
        tp_printf("fault outside the slots: error=%u pc=%llx\n", s->hm_error,
                  (unsigned long long)s->hm_pc);
        pv_halt_self();
    }
    if (s->hm_error < PV_HM_ERROR_COUNT) {
        faults_by_class[s->hm_error]++;
    }
    faulted++;
    scanned++;
    clear_scratch();
    f->eip = (uint32_t)(uintptr_t)slot_addr(k + 1);
}

/* The opcode maps' MMX/SSE rows and every x87 encoding: the FPU forms. */
static int fpu_form(uint32_t k)
{
    uint32_t op = (k >> 1) & 0xff, map = (k >> 9) % 3;

    if (k >= MAP_SLOTS) {
        return 1;
    }
    if (map != 0) {
        return 1;
    }
    return (op >= 0x10 && op <= 0x17) || (op >= 0x28 && op <= 0x2f) || (op >= 0x50 && op <= 0x7f) ||
           (op >= 0xc2 && op <= 0xc6) || op >= 0xd0;
}

void scan_end(void)
{
    uint32_t fpu_ran = 0;

    tp_printf("scan done: slots=%u scanned=%u faulted=%u ran=%u leaks=%u\n", NUM_SLOTS, scanned,
              faulted, ran, leaks);
    tp_printf("faults: fpu-error=%u illegal=%u privileged=%u memory=%u\n",
              faults_by_class[PV_HM_FPU_ERROR], faults_by_class[PV_HM_ILLEGAL_INSTRUCTION],
              faults_by_class[PV_HM_PRIVILEGED_INSTRUCTION],
              faults_by_class[PV_HM_MEMORY_VIOLATION]);
    for (uint32_t k = 0; k < NUM_SLOTS; k++) {
        if (ran_ok[k] && fpu_form(k)) {
            uint8_t b[8] = {0};
            uint32_t n = encoding(k, b);

            fpu_ran++;
            tp_printf("ran without a fault:");
            for (uint32_t i = 0; i < n; i++) {
                tp_printf(" %02x", b[i]);
            }
            tp_printf("\n");
        }
    }
    tp_printf("FPU forms that ran without a fault: %u\n", fpu_ran);
    pv_halt_self();
}

void pv_main(uint32_t id)
{
    (void)id;
    for (uint32_t k = 0; k < NUM_SLOTS; k++) {
        build_slot(k);
    }
    build_end();
    clear_scratch();
    pv_upcall_set(pv_upcall_entry);
    pv_shared()->irq_mask &= ~(1u << PV_IRQ_HM);
    pv_irq_enable();
    tp_printf("scanning %u encodings\n", NUM_SLOTS);
    __asm__ volatile("jmp *%0" : : "r"(slot_addr(0)));
}
