/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Which illegal instructions are the FPU's (riscv_insn.h). Plain C on the
 * instruction word alone: the host unit test riscv-insn compiles this file
 * and walks every FP encoding form and its neighbours.
 */
#include "riscv_insn.h"

/* The major opcodes of the F and D extensions: LOAD-FP, STORE-FP, the four
 * fused multiply-adds, OP-FP (bit n set for opcode n >> 2). */
#define FP_OPCODES                                                                                 \
    ((1u << (0x07 >> 2)) | (1u << (0x27 >> 2)) | (1u << (0x43 >> 2)) | (1u << (0x47 >> 2)) |       \
     (1u << (0x4b >> 2)) | (1u << (0x4f >> 2)) | (1u << (0x53 >> 2)))

/* The fcsr, frm and fflags CSRs (numbers 1-3): the FPU's. */
#define CSR_IS_FP(insn) ((insn) >> 20 >= 1 && (insn) >> 20 <= 3)

bool riscv_insn_is_fpu(uint64_t insn64)
{
    uint32_t insn = (uint32_t)insn64, opcode = insn & 0x7fu, funct3 = insn >> 13 & 7u;

    if ((insn & 3) != 3) {
        return (insn & 3) != 1 && (funct3 == 1 || funct3 == 5) && insn64 < 0x10000;
    }
    if (opcode == RISCV_OPCODE_SYSTEM) {
        return (insn >> 12 & 3) != 0 && CSR_IS_FP(insn);
    }
    return (FP_OPCODES >> (opcode >> 2) & 1) != 0;
}
