/* SPDX-License-Identifier: BSD-2-Clause */
/* What the files of the native x86 port share with each other. */
#ifndef NATIVE_X86_NATIVE_H
#define NATIVE_X86_NATIVE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

/* IDT vectors: CPU exceptions, then the remapped 8259 pair, then vectors
 * that only software raises (int $n), for rtems_interrupt_catch tests. */
#define NATIVE_EXCEPTIONS 32u
#define NATIVE_IRQ_BASE   0x20u
#define NATIVE_IRQ_COUNT  16u
#define NATIVE_SOFT_BASE  0x30u
#define NATIVE_SOFT_COUNT 15u
/* The last vector: the APIC's spurious vector (its low 4 bits must be 1s). */
#define NATIVE_APIC_SPURIOUS_VECTOR 0x3fu
#define NATIVE_VECTORS              0x40u
#define NATIVE_TICK_VECTOR          NATIVE_IRQ_BASE
#define NATIVE_CASCADE_VECTOR       (NATIVE_IRQ_BASE + 2u)

#define NATIVE_CODE_SELECTOR 0x08u

/* What the entry stubs (vectors.S) push before calling native_trap(). */
struct native_trap_frame {
    uint32_t edx;
    uint32_t ecx;
    uint32_t eax;
    uint32_t vector;
    uint32_t error;
    uint32_t eip;
    uint32_t cs;
    uint32_t eflags;
};

/* vectors.S: the first instruction of the stub of each vector. */
extern const uint32_t native_vector_stubs[NATIVE_VECTORS];

void native_trap(struct native_trap_frame *frame);

void native_idt_init(void);
bool native_any_irq_attached(void);

void native_pic_init(void);
void native_pic_unmask(uint32_t irq);
bool native_pic_spurious(uint32_t irq);
void native_pic_eoi(uint32_t irq);

void native_pit_calibrate_start(uint16_t count);
bool native_pit_calibrate_done(void);
bool native_tick_running(void);
bool native_tick_due(void);

void native_clock_init(void);
uint32_t native_clock_mhz(void);

void native_uart_init(void);
void native_uart_puts(const char *s);
void native_uart_hex(uint32_t value);

void native_fpu_init(void);

noreturn void native_start(uint32_t magic, const void *multiboot_info);

#endif
