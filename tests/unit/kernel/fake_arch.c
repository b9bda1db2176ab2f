/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdlib.h>
#include <string.h>
#include "arch.h"
#include "fake_arch.h"
#include "partition.h"
#include "pv/shared.h"

uint8_t fake_ram[FAKE_RAM_SIZE];
uint64_t fake_time_ns;
int fake_shutdown_code = -1;
char fake_console[8192];
unsigned fake_console_len;

void arch_console_putc(char c)
{
    if (fake_console_len < sizeof(fake_console) - 1) {
        fake_console[fake_console_len++] = c;
    }
}

int fake_console_room = -1;

bool arch_console_try_putc(char c)
{
    if (fake_console_room == 0) {
        return false;
    }
    if (fake_console_room > 0) {
        fake_console_room--;
    }
    arch_console_putc(c);
    return true;
}

uint64_t arch_time_ns(void)
{
    return fake_time_ns;
}

void arch_timer_arm(uint64_t deadline_ns)
{
    (void)deadline_ns;
}

void *arch_phys_to_kernel(arch_addr_t phys)
{
    if (phys < FAKE_RAM_BASE || phys - FAKE_RAM_BASE >= FAKE_RAM_SIZE) {
        abort(); /* the core asked for memory that validation should have refused */
    }
    return fake_ram + (phys - FAKE_RAM_BASE);
}

int arch_space_build(struct partition *p)
{
    p->space.built = 1;
    return 0;
}

bool arch_space_ready(const struct partition *p)
{
    return p->space.built;
}

void arch_context_reset(struct partition *p, arch_addr_t entry)
{
    memset(&p->ctx, 0, sizeof(p->ctx));
    p->ctx.regs[1] = entry;
}

arch_word_t arch_hcall_number(const struct partition *p)
{
    return p->ctx.regs[0];
}

arch_word_t arch_hcall_arg(const struct partition *p, unsigned index)
{
    return index < 5 ? p->ctx.regs[index + 1] : 0;
}

uint64_t arch_hcall_arg64(const struct partition *p, unsigned index)
{
    /* Whole in one word where words are 64 bits (tests/unit/kernel/host64),
     * low and high word otherwise, as x86 and SPARC V8 do. */
    if (ARCH_WORD_BITS >= 64) {
        return arch_hcall_arg(p, index);
    }
    return arch_hcall_arg(p, index) | (uint64_t)arch_hcall_arg(p, index + 1) << 32;
}

void arch_hcall_return(struct partition *p, int32_t value)
{
    p->ctx.regs[0] = (uint32_t)value;
}

unsigned fake_hcall_restarts;

void arch_hcall_restart(struct partition *p)
{
    (void)p;
    fake_hcall_restarts++;
}

void arch_shutdown(int code)
{
    fake_shutdown_code = code;
    exit(code == 0 ? 0 : 99);
}

int arch_upcall_push(struct partition *p, uint32_t lines)
{
    p->ctx.regs[5] = lines;
    return 0;
}

int arch_upcall_pop(struct partition *p, arch_addr_t frame_va)
{
    p->ctx.regs[4] = frame_va;
    return 0;
}

void arch_clock_publish(struct pv_shared *s)
{
    s->counter_valid = 0;
}

int arch_console_getc(void)
{
    return -1;
}

/* One CPU (arch.h). */
bool arch_lock_try(volatile uint32_t *lock)
{
    if (*lock) {
        return false;
    }
    *lock = 1;
    return true;
}

void arch_lock_release(volatile uint32_t *lock)
{
    *lock = 0;
}

/* One CPU, not preemptible: a plain read-modify-write is indivisible. */
void arch_atomic_or(volatile uint32_t *word, uint32_t bits)
{
    *word |= bits;
}

bool arch_atomic_test_clear(volatile uint32_t *word, uint32_t bit)
{
    uint32_t was = *word;

    *word = was & ~(1u << bit);
    return ((was >> bit) & 1u) != 0;
}

/* The handover (kernel/core/handover.c): each relax moves the clock on by
 * fake_relax_ns, so that a bounded wait ends; what was saved and taken is
 * counted for the tests. */
uint64_t fake_relax_ns = 1000;
unsigned fake_relaxes, fake_context_saves, fake_context_takes;
uint32_t fake_context_take_cpu = UINT32_MAX;

void arch_cpu_relax(void)
{
    fake_relaxes++;
    fake_time_ns += fake_relax_ns;
}

void arch_context_save(struct partition *p)
{
    (void)p;
    fake_context_saves++;
}

void arch_context_take(struct partition *p, uint32_t cpu)
{
    (void)p;
    fake_context_take_cpu = cpu;
    fake_context_takes++;
}
