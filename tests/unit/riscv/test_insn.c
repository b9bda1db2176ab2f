/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V's FPU-instruction classifier (kernel/arch/riscv/insn.c) on the
 * host: every encoding form of F/D - the seven major opcodes, the four
 * compressed FP loads and stores, the six CSR instructions on fflags, frm
 * and fcsr - is the FPU's, whatever its other bits; each neighbour form
 * (the other major opcodes and compressed slots, other CSRs, SYSTEM's
 * funct3 0 and 4, stray bits above a compressed instruction) is not. A
 * partition without the FPU right that uses one gets fpu-error from it
 * (docs/pv-api.md); only fadd.d is reached by the system tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "riscv_insn.h"

/* Bits other than those the forms fix: registers, rounding mode, fmt. */
static const uint32_t fills[] = {0x00000000u, 0xffffff80u, 0x5a5a5a00u, 0x02000000u, 0x01f0f000u};
#define N_FILLS (sizeof(fills) / sizeof(fills[0]))

static const uint32_t fp_opcodes[] = {0x07, 0x27, 0x43, 0x47, 0x4b, 0x4f, 0x53};

static int is_fp_opcode(uint32_t opcode)
{
    for (size_t i = 0; i < sizeof(fp_opcodes) / sizeof(fp_opcodes[0]); i++) {
        if (fp_opcodes[i] == opcode) {
            return 1;
        }
    }
    return 0;
}

static void test_major_opcodes(void **state)
{
    (void)state;
    /* Every 32-bit major opcode (low bits 11) but SYSTEM, each fill. */
    for (uint32_t major = 0; major < 32; major++) {
        uint32_t opcode = major << 2 | 3u;

        if (opcode == RISCV_OPCODE_SYSTEM) {
            continue;
        }
        for (size_t f = 0; f < N_FILLS; f++) {
            uint32_t insn = (fills[f] & ~0x7fu) | opcode;

            assert_int_equal(riscv_insn_is_fpu(insn), is_fp_opcode(opcode));
        }
    }
}

static void test_compressed(void **state)
{
    (void)state;
    /* Quadrants 0-2, funct3 0-7, with register bits set and clear: only
     * c.fld/c.fsd (quadrant 0) and c.fldsp/c.fsdsp (quadrant 2), funct3 1
     * and 5, are the FPU's; quadrant 1's funct3 1 and 5 are c.addiw and
     * c.j. */
    for (uint32_t quadrant = 0; quadrant < 3; quadrant++) {
        for (uint32_t funct3 = 0; funct3 < 8; funct3++) {
            for (uint32_t regs = 0; regs < 2; regs++) {
                uint32_t insn = funct3 << 13 | (regs ? 0x1ffcu : 0) | quadrant;
                int fp = quadrant != 1 && (funct3 == 1 || funct3 == 5);

                assert_int_equal(riscv_insn_is_fpu(insn), fp);
                /* stval holds a compressed instruction alone: bits above
                 * 16 are not one. */
                assert_int_equal(riscv_insn_is_fpu((uint64_t)insn | 0x10000u), 0);
            }
        }
    }
}

static void test_csrs(void **state)
{
    (void)state;
    static const uint32_t csrs[] = {0x000, 0x001, 0x002, 0x003, 0x004, 0x100, 0x105, 0x300, 0xc01};

    for (size_t c = 0; c < sizeof(csrs) / sizeof(csrs[0]); c++) {
        for (uint32_t funct3 = 0; funct3 < 8; funct3++) {
            uint32_t insn =
                csrs[c] << 20 | 5u << 15 | funct3 << 12 | 10u << 7 | RISCV_OPCODE_SYSTEM;
            int fp = csrs[c] >= 1 && csrs[c] <= 3 && (funct3 & 3) != 0;

            assert_int_equal(riscv_insn_is_fpu(insn), fp);
        }
    }
    /* ebreak's immediate is 1, fflags' number: funct3 0, not a CSR access. */
    assert_int_equal(riscv_insn_is_fpu(0x00100073u), 0);
    assert_int_equal(riscv_insn_is_fpu(0x00302073u), 1); /* frcsr a0 (csrrs a0, fcsr, zero) */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_major_opcodes),
        cmocka_unit_test(test_compressed),
        cmocka_unit_test(test_csrs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
