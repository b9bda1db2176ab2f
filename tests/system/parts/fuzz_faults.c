/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hypercall fuzzer's own misdeeds (fuzzer.c, docs/testing.md): a fault
 * of every class the health monitor knows, writes to its control page, and
 * restarts of itself by each route the API has.
 */
#include "fuzzer.h"
#include <stddef.h>
#include "tp.h"

/* ---- faults, control page, restarts ---- */

static volatile uint32_t sink;
static volatile uint32_t zero;
static volatile double fsink;

#if defined(__riscv)
#define FAULT_KINDS 18u /* RISC-V has three more below */
#else
#define FAULT_KINDS 15u
#endif

void fault(void)
{
    uint32_t kind = below(FAULT_KINDS);

    K->faults++;
    K->expect_fault = 1;
    switch (kind) {
    case 0:
        sink = *(volatile uint32_t *)(uintptr_t)KERNEL_VA;
        break;
    case 1:
        *(volatile uint32_t *)(uintptr_t)(CODE_VA + (below(CODE_LEN) & ~3u)) = rnd();
        break;
    case 2:
        *(volatile uint32_t *)(uintptr_t)(RO_VA + (below(RO_LEN) & ~3u)) = rnd();
        break;
    case 3:
        sink = *(volatile uint32_t *)(uintptr_t)(VICTIM_VA + (below(0x4000) & ~3u));
        break;
    case 4:
        *(volatile uint32_t *)(uintptr_t)(below(4) * 4) = 1;
        break;
    case 5:
        sink = 7 / zero;
        break;
    case 6:
        fsink = fsink * 3.0 + 1.0; /* no FPU right */
        break;
    case 7:
        __builtin_trap();
        break;
#if defined(__i386__)
    case 8:
        __asm__ volatile("cli");
        break;
    case 9:
        __asm__ volatile("hlt");
        break;
    case 10:
        __asm__ volatile("inb $0x60, %%al" ::: "eax");
        break;
    case 11:
        __asm__ volatile("int3");
        break;
    case 12:
        __asm__ volatile("int $0x81");
        break;
    case 13:
        __asm__ volatile("emms"); /* runs under CR0.TS on QEMU: must harm nobody */
        break;
    default:
        __asm__ volatile("call *%0" ::"r"(KERNEL_VA));
        break;
#elif defined(__riscv)
    /* Privileged (SYSTEM opcode: CSRs, sret, wfi, sfence.vma), misaligned
     * atomics (QEMU does plain misaligned loads itself), the FPU with FS
     * off, addresses beyond the lower half's 4 GiB and non-canonical
     * ones, a jump into the kernel. Division by zero (case 5) and the FPU
     * in soft float (case 6) do not trap on RISC-V. */
    case 8: {
        uint64_t v;

        __asm__ volatile("csrr %0, sstatus" : "=r"(v));
        sink = (uint32_t)v;
        break;
    }
    case 9:
        __asm__ volatile("sret");
        break;
    case 10:
        if (below(2)) {
            __asm__ volatile("wfi");
        } else {
            __asm__ volatile("sfence.vma" ::: "memory");
        }
        break;
    case 11: {
        uint32_t v;

        __asm__ volatile("amoadd.w %0, %2, (%1)"
                         : "=r"(v)
                         : "r"((uintptr_t)SCR_VA + 1 + below(3)), "r"(1)
                         : "memory");
        sink = v;
        break;
    }
    case 12:
        __asm__ volatile(".4byte 0x00000053" ::: "memory"); /* fadd.s f0, f0, f0 */
        break;
    case 13:
        /* An own address 4 GiB up: a 32-bit cut would find the data area. */
        sink = *(volatile uint32_t *)(uintptr_t)(((uint64_t)1 << 32) + DATA_VA +
                                                 (below(DATA_LEN) & ~3u));
        break;
    case 14:
        /* Non-canonical: bit 38 set, not copied into 63..39. */
        *(volatile uint32_t *)(uintptr_t)(((uint64_t)1 << 38) + SCR_VA) = rnd();
        break;
    case 15:
        __asm__ volatile("csrw satp, zero" ::: "memory");
        break;
    case 16:
        /* Its own code 4 GiB up: not executable, not mapped. */
        __asm__ volatile("jalr %0" ::"r"(((uint64_t)1 << 32) + CODE_VA) : "ra", "memory");
        break;
    default:
        __asm__ volatile("jalr %0" ::"r"(KERNEL_VA) : "ra", "memory");
        break;
#else
    case 8:
        __asm__ volatile("wr %%g0, %%psr" ::: "memory");
        break;
    case 9: {
        uint32_t v;

        __asm__ volatile("rd %%psr, %0" : "=r"(v));
        sink = v;
        break;
    }
    case 10:
        __asm__ volatile("ta 5");
        break;
    case 11: {
        uint32_t v;

        __asm__ volatile("ld [%1], %0" : "=r"(v) : "r"(SCR_VA + 1 + below(3)));
        sink = v;
        break;
    }
    case 12:
        __asm__ volatile("sta %%g0, [%0] 0x19" ::"r"(0x100) : "memory");
        break;
    case 13: {
        uint32_t v;

        __asm__ volatile("wr %%g0, %%y\n\tnop\n\tnop\n\tnop\n\tudiv %1, %%g0, %0"
                         : "=r"(v)
                         : "r"(rnd()));
        sink = v;
        break;
    }
    default:
        __asm__ volatile("jmpl %0, %%o7\n\tnop" ::"r"(KERNEL_VA) : "o7", "memory");
        break;
#endif
    }
    /* Some classes do not trap (x86 emms; none should, otherwise). */
    K->expect_fault = 0;
}

/* Writes to the control page: the kernel reads only plain values there and
 * must trust none. seq is left alone (an odd value would make the guest's
 * own clock reader wait for the kernel's next update). */
void scribble(void)
{
    volatile uint32_t *w = (volatile uint32_t *)PV_SHARED_VA;
    uint32_t i = below(1024);

    switch (below(4)) {
    case 0:
        K->mask = rnd() & ~(1u << PV_IRQ_HM);
        break;
    case 1:
        pv_shared()->irq_pending = rnd();
        break;
    default:
        /* seq, and hm_seq, by which the handler tells a new error */
        if (i != offsetof(struct pv_shared, seq) / 4 &&
            i != offsetof(struct pv_shared, hm_seq) / 4) {
            w[i] = rnd();
        }
        break;
    }
}

/* One of the restarts of itself; the health monitor's are counted against
 * max-restarts. */
void restart(void)
{
    struct call c = {0};
    uint32_t kind = below(6);

    if (kind >= 4 && K->hm_restarts_asked >= HM_RESTARTS_MAX) {
        kind = 0;
    }
    switch (kind) {
    case 0:
        c.nr = PV_HC_RESTART_SELF;
        break;
    case 1:
        c.nr = PV_HC_MODE_SET;
        c.a[0] = PV_MODE_COLD_START;
        break;
    case 2:
        c.nr = PV_HC_MODE_SET;
        c.a[0] = PV_MODE_WARM_START;
        break;
    case 3:
        c.nr = PV_HC_PART_CONTROL;
        c.a[0] = FUZZ_ID;
        c.a[1] = PV_PART_RESTART;
        break;
    case 4:
        c.nr = PV_HC_HM_RAISE; /* fatal-error: cold-restart */
        c.a[0] = PV_HM_FATAL_ERROR;
        c.a[1] = K->calls;
        K->hm_restarts_asked++;
        break;
    default:
        c.nr = PV_HC_HM_RAISE; /* deadline-missed: warm-restart */
        c.a[0] = PV_HM_DEADLINE_MISSED;
        c.a[1] = K->calls;
        K->hm_restarts_asked++;
        break;
    }
    K->restarts_asked++;
    issue(&c); /* returns only if refused (WARM_START while in COLD_START) */
}
