/* board.c: the harness's board on QEMU's RISC-V `virt` machine (RV32).
 *
 * Part of the nn-mlir project. Files and console go through RISC-V
 * semihosting (../semihosting.c); the counter is the `instret` CSR, which
 * QEMU derives from its instruction counter under -icount: an exact count
 * of retired instructions, not a clock. */
#include "../board.h"
#include "../semihosting.h"

uintptr_t semihost_call(uintptr_t op, const void *arg) {
  register uintptr_t a0 __asm__("a0") = op;
  register const void *a1 __asm__("a1") = arg;
  /* The RISC-V semihosting trap: ebreak between two marker instructions,
   * all three uncompressed and in one page (hence the alignment). */
  __asm__ volatile(".option push\n\t"
                   ".option norvc\n\t"
                   ".balign 16\n\t"
                   "slli zero, zero, 0x1f\n\t"
                   "ebreak\n\t"
                   "srai zero, zero, 7\n\t"
                   ".option pop"
                   : "+r"(a0)
                   : "r"(a1)
                   : "memory");
  return a0;
}

void board_init(int *argc, char ***argv) { semihost_arguments(argc, argv); }

uint64_t board_counter(void) {
  uint32_t high, low, again;
  do {
    __asm__ volatile("csrr %0, instreth" : "=r"(high));
    __asm__ volatile("csrr %0, instret" : "=r"(low));
    __asm__ volatile("csrr %0, instreth" : "=r"(again));
  } while (high != again);
  return ((uint64_t)high << 32) | low;
}

const char *board_counter_unit(void) { return "instructions"; }
