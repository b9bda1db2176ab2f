/* SPDX-License-Identifier: BSD-2-Clause */
/* The kernel's state for the unit tests' systems, as tessera-config would
 * size it: up to four partitions, 64 channels and two CPUs. */
#include "cfg_state.h"

CFG_STATE_DEFINE(4u, 64u, 0u)
CFG_CPU_STATE_DEFINE(2u)
