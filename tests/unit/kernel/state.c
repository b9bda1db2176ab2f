/* SPDX-License-Identifier: BSD-2-Clause */
/* The kernel's state for the unit tests' systems, as tessera-config would
 * size it: up to four partitions (unless a test asks for more: the HM log
 * and its index grow with them), 64 channels and two CPUs. */
#include "cfg_state.h"

#ifndef UNIT_STATE_PARTS
#define UNIT_STATE_PARTS 4u
#endif

CFG_STATE_DEFINE(UNIT_STATE_PARTS, 64u, 0u)
CFG_CPU_STATE_DEFINE(2u)
