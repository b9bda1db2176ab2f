/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The 8254 PIT. Channel 0 (IRQ0) makes the tick; channel 2, whose output
 * can be polled at port 0x61, times the TSC calibration at boot.
 *
 * The PIT counts a 1.193182 MHz clock, so a tick period of P us is
 * N = P * 1.193182 input clocks, rounded to the nearest integer: 10000 us
 * becomes 11932 clocks = 10000.15 us. Periods longer than the 16-bit counter
 * allows (65535 clocks, 54.9 ms) are split into k equal PIT interrupts,
 * k = ceil(N / 65535), each of round(N / k) clocks, and every k-th one is a
 * tick. Periods under 2 clocks (1.7 us) are raised to 2.
 */
#include "native.h"

#include "io.h"

#include <port.h>

#define PIT_HZ       1193182u
#define PIT_CHANNEL0 0x40u
#define PIT_CHANNEL2 0x42u
#define PIT_COMMAND  0x43u
#define PIT_MAX      65535u
#define PIT_MIN      2u

/* Channel, lobyte/hibyte access, mode, binary. */
#define CMD_CH0_RATE    0x34u /* mode 2: one pulse every N clocks */
#define CMD_CH2_ONESHOT 0xb0u /* mode 0: output rises after N clocks */

#define PORT_B       0x61u
#define PORT_B_GATE2 0x01u
#define PORT_B_SPKR  0x02u
#define PORT_B_OUT2  0x20u

static bool running;
static uint32_t interrupts_per_tick = 1;
static uint32_t countdown = 1;

static void load(uint16_t port, uint32_t count)
{
    outb(port, (uint8_t)count);
    outb(port, (uint8_t)(count >> 8));
}

void port_tick_start(uint32_t period_us)
{
    uint64_t clocks = ((uint64_t)period_us * PIT_HZ + 500000u) / 1000000u;
    uint32_t k = (uint32_t)((clocks + PIT_MAX - 1u) / PIT_MAX);
    uint32_t divisor;

    if (k == 0) {
        k = 1;
    }
    divisor = (uint32_t)((clocks + k / 2u) / k);
    if (divisor < PIT_MIN) {
        divisor = PIT_MIN;
    }
    interrupts_per_tick = k;
    countdown = k;
    outb(PIT_COMMAND, CMD_CH0_RATE);
    load(PIT_CHANNEL0, divisor);
    running = true;
    native_pic_unmask(NATIVE_TICK_VECTOR - NATIVE_IRQ_BASE);
}

bool native_tick_running(void)
{
    return running;
}

bool native_tick_due(void)
{
    if (--countdown != 0) {
        return false;
    }
    countdown = interrupts_per_tick;
    return true;
}

void native_pit_calibrate_start(uint16_t count)
{
    outb(PORT_B, (uint8_t)((inb(PORT_B) & ~PORT_B_SPKR) | PORT_B_GATE2));
    outb(PIT_COMMAND, CMD_CH2_ONESHOT);
    load(PIT_CHANNEL2, count);
}

bool native_pit_calibrate_done(void)
{
    return (inb(PORT_B) & PORT_B_OUT2) != 0;
}
