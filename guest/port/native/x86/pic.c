/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The 8259A pair, remapped to vectors 0x20-0x2f so that IRQs no longer
 * collide with CPU exceptions. Lines stay masked until someone wants them.
 *
 * On a CPU with a local APIC the 8259 reaches the core only through the
 * APIC's LINT0 pin set to ExtINT ("virtual wire"). A BIOS usually does that,
 * qboot does not (LINT0 stays masked and no IRQ ever arrives), so we do it:
 * APIC software-enabled, LINT0 = ExtINT, everything else left masked.
 */
#include "native.h"

#include "io.h"

#define MASTER_CMD  0x20u
#define MASTER_DATA 0x21u
#define SLAVE_CMD   0xa0u
#define SLAVE_DATA  0xa1u

#define ICW1_INIT_ICW4 0x11u /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086      0x01u
#define OCW2_EOI       0x20u
#define OCW3_READ_ISR  0x0bu
#define CASCADE_IRQ    2u

#define CPUID_APIC       (1u << 9)
#define MSR_APIC_BASE    0x1bu
#define APIC_BASE_ENABLE (1u << 11)
#define APIC_BASE_MASK   0xfffff000u
#define APIC_SVR         0x0f0u
#define APIC_LVT_LINT0   0x350u
#define APIC_SVR_ENABLE  0x100u
#define APIC_LVT_EXTINT  0x700u

static uint16_t mask = 0xffffu & ~(1u << CASCADE_IRQ);

static void write_mask(void)
{
    outb(MASTER_DATA, (uint8_t)mask);
    outb(SLAVE_DATA, (uint8_t)(mask >> 8));
}

static void apic_write(uint32_t base, uint32_t reg, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)(base + reg) = value;
}

static void virtual_wire(void)
{
    uint32_t eax = 1;
    uint32_t ebx;
    uint32_t ecx;
    uint32_t edx;
    uint32_t high;

    __asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
    if ((edx & CPUID_APIC) == 0) {
        return; /* the 8259 drives INTR directly */
    }
    __asm__ volatile("rdmsr" : "=a"(eax), "=d"(high) : "c"(MSR_APIC_BASE));
    if ((eax & APIC_BASE_ENABLE) == 0) {
        return; /* APIC off: likewise */
    }
    /* Paging is off, so the APIC's physical page is directly addressable. */
    apic_write(eax & APIC_BASE_MASK, APIC_SVR, APIC_SVR_ENABLE | NATIVE_APIC_SPURIOUS_VECTOR);
    apic_write(eax & APIC_BASE_MASK, APIC_LVT_LINT0, APIC_LVT_EXTINT);
}

void native_pic_init(void)
{
    virtual_wire();
    outb(MASTER_CMD, ICW1_INIT_ICW4);
    outb(SLAVE_CMD, ICW1_INIT_ICW4);
    outb(MASTER_DATA, (uint8_t)NATIVE_IRQ_BASE);
    outb(SLAVE_DATA, (uint8_t)(NATIVE_IRQ_BASE + 8u));
    outb(MASTER_DATA, 1u << CASCADE_IRQ); /* slave on IRQ2 */
    outb(SLAVE_DATA, CASCADE_IRQ);        /* slave's cascade identity */
    outb(MASTER_DATA, ICW4_8086);
    outb(SLAVE_DATA, ICW4_8086);
    write_mask();
}

void native_pic_unmask(uint32_t irq)
{
    mask &= (uint16_t) ~(1u << irq);
    write_mask();
}

static uint16_t in_service(void)
{
    outb(MASTER_CMD, OCW3_READ_ISR);
    outb(SLAVE_CMD, OCW3_READ_ISR);
    return (uint16_t)(inb(MASTER_CMD) | (inb(SLAVE_CMD) << 8));
}

/*
 * IRQ7 and IRQ15 are what a PIC reports when a request vanished before the
 * CPU acknowledged it; such an interrupt is not in service and must not be
 * acknowledged, except that a spurious slave interrupt did occupy the
 * master's cascade line.
 */
bool native_pic_spurious(uint32_t irq)
{
    if ((irq != 7u && irq != 15u) || (in_service() & (1u << irq)) != 0) {
        return false;
    }
    if (irq == 15u) {
        outb(MASTER_CMD, OCW2_EOI);
    }
    return true;
}

void native_pic_eoi(uint32_t irq)
{
    if (irq >= 8u) {
        outb(SLAVE_CMD, OCW2_EOI);
    }
    outb(MASTER_CMD, OCW2_EOI);
}
