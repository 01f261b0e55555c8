/* startup.c: reset code for QEMU's RISC-V `virt` machine (RV32, M-mode).
 *
 * Part of the nn-mlir project. QEMU 7.2 (-bios none) jumps to the start of
 * DRAM, not to the ELF entry, in machine mode, so the linker script puts
 * .text.reset first. There: set the stack and the global pointer, catch traps,
 * copy .data from its load address, clear .bss and call main(0, NULL);
 * main's status ends the emulation. */
#include <stdint.h>

#include "../board.h"

extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];

int main(int argc, char **argv);
void riscv_start(void) __attribute__((noreturn, used));
void riscv_trap(void) __attribute__((used, aligned(4)));

__asm__(".section .text.reset, \"ax\"\n"
        ".globl Reset_Handler\n"
        "Reset_Handler:\n"
        "  .option push\n"
        "  .option norelax\n"
        "  la gp, __global_pointer$\n"
        "  .option pop\n"
        "  la sp, __stack_top\n"
        "  la t0, riscv_trap\n"
        "  csrw mtvec, t0\n"
        "  j riscv_start\n");

/* Any exception (illegal instruction, misaligned or bad access) ends the
 * run with a message. */
void riscv_trap(void) {
  board_print("harness: fault or unexpected exception\n");
  board_exit(3);
}

void riscv_start(void) {
  uint32_t *src = __data_load;
  for (uint32_t *dst = __data_start; dst < __data_end;)
    *dst++ = *src++;
  for (uint32_t *dst = __bss_start; dst < __bss_end;)
    *dst++ = 0;
  board_exit(main(0, 0));
}
