/* board.c: the harness's board on QEMU's MPS2 machines.
 *
 * Part of the nn-mlir project. Files and console go through Arm
 * semihosting (../semihosting.c; the trap is `bkpt 0xAB`); the counter is
 * SysTick on the system clock, which under `-icount shift=0`
 * (1 instruction = 1 ns) advances once per 40 instructions at 25 MHz.
 * SysTick is 24 bits wide: its interrupt counts wraps. */
#include "../board.h"
#include "../semihosting.h"

uintptr_t semihost_call(uintptr_t op, const void *arg) {
  register uintptr_t r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define SYSTICK_MAX 0xFFFFFFu
/* SysTick counts the system clock: 25 MHz on AN386/AN500, 20 MHz on AN505,
 * 32 MHz on AN547 (run.sh passes it); 1 instruction per ns under
 * -icount shift=0. */
#ifndef NN_SYSCLK_HZ
#define NN_SYSCLK_HZ 25000000u
#endif

static volatile uint32_t systick_wraps;

void SysTick_Handler(void) { ++systick_wraps; }

void board_init(int *argc, char ***argv) {
  SYST_RVR = SYSTICK_MAX;
  SYST_CVR = 0;
  /* Enable, interrupt on wrap, processor clock. */
  SYST_CSR = 0x7u;
  semihost_arguments(argc, argv);
}

uint64_t board_counter(void) {
  uint32_t wraps, value;
  do {
    wraps = systick_wraps;
    value = SYST_CVR;
  } while (wraps != systick_wraps);
  uint64_t ticks = (uint64_t)wraps * (SYSTICK_MAX + 1u) + (SYSTICK_MAX - value);
  return ticks * 1000000000u / NN_SYSCLK_HZ;
}

const char *board_counter_unit(void) { return "instructions"; }
