/* SPDX-License-Identifier: BSD-2-Clause */
/* The FPU on bare x86: on, with FXSAVE/FXRSTOR and SSE state enabled. */
#include "native.h"

#include <port.h>
#include <rtems/fatal.h>

#define CR0_MP         (1u << 1)
#define CR0_EM         (1u << 2)
#define CR0_TS         (1u << 3)
#define CR0_NE         (1u << 5)
#define CR4_OSFXSR     (1u << 9)
#define CR4_OSXMMEXCPT (1u << 10)
#define CPUID_FXSR     (1u << 24)

void native_fpu_init(void)
{
    uint32_t eax = 1;
    uint32_t ebx;
    uint32_t ecx;
    uint32_t edx;
    uint32_t cr;

    __asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
    if ((edx & CPUID_FXSR) == 0) {
        native_uart_puts("native x86: the CPU has no FXSAVE/FXRSTOR\n");
        port_halt(RTEMS_FATAL_SOURCE_BSP, 4);
    }
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr));
    cr = (cr & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE;
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr));
    __asm__ volatile("mov %%cr4, %0" : "=r"(cr));
    cr |= CR4_OSFXSR | CR4_OSXMMEXCPT;
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr));
    __asm__ volatile("fninit");
}
