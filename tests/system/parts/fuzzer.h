/* SPDX-License-Identifier: BSD-2-Clause */
/* The layout the hypercall fuzzer and its systems share
 * (tests/system/systems/fuzz*.xml): the fuzzer's own areas, who is who, and
 * where the kernel and the victim are. */
#ifndef FUZZER_H
#define FUZZER_H

#include <pv/pv.h>

#define FUZZ_ID   1 /* the fuzzer (a system partition: it reaches every call) */
#define SPIN_ID   2 /* the reference run's quiet neighbour, same image */
#define VICTIM_ID 3

#define CODE_VA  0x40000000u
#define CODE_LEN 0x10000u
#define DATA_VA  0x40100000u
#define DATA_LEN 0x10000u
#define RO_VA    0x40200000u /* read-only */
#define RO_LEN   0x1000u
#define SCR_VA   0x40300000u /* scratch: the kernel may write here */
#define SCR_LEN  0x2000u
#define SCR2_VA  0x40302000u /* adjacent to scratch: ranges may not span both */
#define SCR2_LEN 0x1000u
#define KEEP_VA  0x40400000u /* shared="yes": survives cold restarts */
#define KEEP_LEN 0x1000u

#define VICTIM_VA 0x48000000u /* the victim's pattern area */

#if defined(__sparc__)
#define KERNEL_VA    0xf0000000u
#define VICTIM_PHYS  0x41100000u /* RAM starts at 0x40000000 */
#define UPCALL_BELOW PV_UPCALL_STACK_FRAME
#else
#define KERNEL_VA    0xc0000000u
#define VICTIM_PHYS  0x01100000u
#define UPCALL_BELOW 0u
#endif

/* The reference neighbour spins this many of its windows. */
#ifndef SPIN_WINDOWS
#define SPIN_WINDOWS 2000u
#endif

#endif
