/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Board support declarations. Tessera's "boards" are its ports; nothing an
 * application needs is board-specific beyond what <rtems.h> declares.
 */
#ifndef TESSERA_BSP_H
#define TESSERA_BSP_H

#include <rtems.h>
#include <rtems/bspIo.h>

#endif
