/* SPDX-License-Identifier: BSD-2-Clause */
/* Task mode bits (values as RTEMS defines them). */
#ifndef TESSERA_RTEMS_MODES_H
#define TESSERA_RTEMS_MODES_H

#define RTEMS_ALL_MODE_MASKS 0x0000ffff
#define RTEMS_DEFAULT_MODES  0x00000000
#define RTEMS_CURRENT_MODE   0

#define RTEMS_PREEMPT        0x00000000
#define RTEMS_NO_PREEMPT     0x00000100
#define RTEMS_PREEMPT_MASK   0x00000100
#define RTEMS_NO_TIMESLICE   0x00000000
#define RTEMS_TIMESLICE      0x00000200
#define RTEMS_TIMESLICE_MASK 0x00000200
#define RTEMS_ASR            0x00000000
#define RTEMS_NO_ASR         0x00000400
#define RTEMS_ASR_MASK       0x00000400

/*
 * Tessera's ports know only "enabled" (level 0) and "disabled" (any other
 * level), so every port uses the same 8-bit level field.
 */
#define RTEMS_INTERRUPT_MASK          0x000000ff
#define RTEMS_INTERRUPT_LEVEL(_level) ((rtems_mode)(_level)&RTEMS_INTERRUPT_MASK)

#endif
