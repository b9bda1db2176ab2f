/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The IDT: one interrupt gate (IF cleared on entry) per vector below
 * NATIVE_VECTORS; a vector above, raised by software, is a #GP and so
 * still ends in the fatal exception path.
 */
#include "native.h"

#define GATE_INTERRUPT_32 0x8eu /* present, ring 0, 32-bit interrupt gate */

struct gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t zero;
    uint8_t type;
    uint16_t offset_high;
} __attribute__((packed));

static struct gate idt[NATIVE_VECTORS] __attribute__((aligned(8)));

void native_idt_init(void)
{
    struct {
        uint16_t limit;
        uint32_t base;
    } __attribute__((packed)) pointer = {sizeof(idt) - 1u, (uint32_t)(uintptr_t)idt};

    for (uint32_t v = 0; v < NATIVE_VECTORS; v++) {
        uint32_t handler = native_vector_stubs[v];

        idt[v].offset_low = (uint16_t)handler;
        idt[v].selector = NATIVE_CODE_SELECTOR;
        idt[v].zero = 0;
        idt[v].type = GATE_INTERRUPT_32;
        idt[v].offset_high = (uint16_t)(handler >> 16);
    }
    __asm__ volatile("lidt %0" : : "m"(pointer));
}
