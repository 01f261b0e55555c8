/* startup.c: reset and exception vectors for QEMU's MPS2 Cortex-M boards.
 *
 * Part of the nn-mlir project. The reset handler enables the FPU (the
 * network and the harness use the hard-float ABI), copies .data from ROM,
 * clears .bss and calls main(0, NULL); main's status ends the emulation. */
#include <stdint.h>

#include "../board.h"

extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_top[];

int main(int argc, char **argv);
void SysTick_Handler(void);

#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)

/* Kept out of line so no FPU instruction can run before the FPU is on. */
static void __attribute__((noinline)) init_memory_and_run(void) {
  uint32_t *src = __data_load;
  for (uint32_t *dst = __data_start; dst < __data_end;)
    *dst++ = *src++;
  for (uint32_t *dst = __bss_start; dst < __bss_end;)
    *dst++ = 0;
  board_exit(main(0, 0));
}

void __attribute__((noreturn)) Reset_Handler(void) {
  /* Full access to CP10 and CP11 (the FPU). */
  SCB_CPACR |= 0xFu << 20;
  __asm volatile("dsb\n\tisb" ::: "memory");
  init_memory_and_run();
  for (;;) {
  }
}

/* Any fault or unexpected interrupt ends the run with a message. */
static void Fault_Handler(void) {
  board_print("harness: fault or unexpected exception\n");
  board_exit(3);
}

typedef void (*vector_t)(void);

__attribute__((section(".isr_vector"), used)) static const vector_t
    vectors[16] = {
        (vector_t)__stack_top, Reset_Handler,
        Fault_Handler, /* NMI */
        Fault_Handler, /* HardFault */
        Fault_Handler, /* MemManage */
        Fault_Handler, /* BusFault */
        Fault_Handler, /* UsageFault */
        Fault_Handler, /* SecureFault (v8-M) */
        0,             0, 0,
        Fault_Handler, /* SVCall */
        Fault_Handler, /* DebugMonitor */
        0,
        Fault_Handler, /* PendSV */
        SysTick_Handler,
};
