/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef TESSERA_RISCV_INSN_H
#define TESSERA_RISCV_INSN_H

#include <stdbool.h>
#include <stdint.h>

#define RISCV_OPCODE_SYSTEM 0x73u

/* An FPU instruction, which traps while sstatus.FS is Off (insn64: stval
 * of the illegal-instruction trap): an F or D opcode, c.fld/c.fsd/
 * c.fldsp/c.fsdsp (RV64C's FP loads and stores), or a CSR instruction on
 * fcsr, frm or fflags. */
bool riscv_insn_is_fpu(uint64_t insn64);

#endif
