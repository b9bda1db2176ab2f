/* SPDX-License-Identifier: BSD-2-Clause */
/* The pattern the FPU victim (fpuwatch.c) keeps in its registers and the
 * scanner (fpuscan.c) looks for. */
#ifndef FPUPATTERN_H
#define FPUPATTERN_H

#define FPU_MAGIC      0x5ec2e700u
#define FPU_MAGIC_MASK 0xffffff00u

#endif
