/* board.c: the harness's board on QEMU's MPS2 machines.
 *
 * Part of the nn-mlir project. Files and console go through Arm
 * semihosting (QEMU: -semihosting-config enable=on,target=native); the
 * counter is SysTick on the system clock, which under `-icount shift=0`
 * (1 instruction = 1 ns) advances once per 40 instructions at 25 MHz.
 * SysTick is 24 bits wide: its interrupt counts wraps. */
#include "../board.h"

#include <string.h>

/* Semihosting operations (Arm "Semihosting for AArch32 and AArch64"). */
enum {
  SYS_OPEN = 0x01,
  SYS_CLOSE = 0x02,
  SYS_WRITE0 = 0x04,
  SYS_WRITE = 0x05,
  SYS_READ = 0x06,
  SYS_SEEK = 0x0A,
  SYS_GET_CMDLINE = 0x15,
  SYS_EXIT = 0x18,
  SYS_EXIT_EXTENDED = 0x20,
};
enum { ADP_Stopped_ApplicationExit = 0x20026 };
/* SYS_OPEN modes: fopen's "rb", "r+b" and "wb". */
enum { OPEN_READ_BINARY = 1, OPEN_UPDATE_BINARY = 3, OPEN_WRITE_BINARY = 5 };

static uintptr_t semihost(uintptr_t op, const void *arg) {
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

static char command_line[256];
static char *arguments[8];

void board_init(int *argc, char ***argv) {
  SYST_RVR = SYSTICK_MAX;
  SYST_CVR = 0;
  /* Enable, interrupt on wrap, processor clock. */
  SYST_CSR = 0x7u;

  uintptr_t block[2] = {(uintptr_t)command_line, sizeof(command_line)};
  int count = 0;
  if (semihost(SYS_GET_CMDLINE, block) == 0) {
    char *p = command_line;
    while (*p && count < (int)(sizeof(arguments) / sizeof(arguments[0]))) {
      while (*p == ' ')
        *p++ = '\0';
      if (!*p)
        break;
      arguments[count++] = p;
      while (*p && *p != ' ')
        ++p;
    }
  }
  *argc = count;
  *argv = arguments;
}

static int open_file(const char *path, uintptr_t mode) {
  uintptr_t block[3] = {(uintptr_t)path, mode, strlen(path)};
  return (int)semihost(SYS_OPEN, block);
}

static void close_file(int handle) {
  uintptr_t block[1] = {(uintptr_t)handle};
  semihost(SYS_CLOSE, block);
}

/* Opens `path`, seeks to `offset`, moves `size` bytes with SYS_READ or
 * SYS_WRITE (both return the bytes they could not move) and closes it; 0 on
 * success. */
static int transfer_file(const char *path, uintptr_t mode, size_t offset,
                         uintptr_t op, const void *data, size_t size) {
  int handle = open_file(path, mode);
  if (handle < 0)
    return 1;
  uintptr_t seek[2] = {(uintptr_t)handle, offset};
  if (offset && semihost(SYS_SEEK, seek) != 0) {
    close_file(handle);
    return 1;
  }
  uintptr_t block[3] = {(uintptr_t)handle, (uintptr_t)data, size};
  uintptr_t left = semihost(op, block);
  close_file(handle);
  return left != 0;
}

int board_read_file(const char *path, size_t offset, void *data, size_t size) {
  return transfer_file(path, OPEN_READ_BINARY, offset, SYS_READ, data, size);
}

int board_write_file(const char *path, size_t offset, const void *data,
                     size_t size) {
  return transfer_file(path, offset ? OPEN_UPDATE_BINARY : OPEN_WRITE_BINARY,
                       offset, SYS_WRITE, data, size);
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

void board_print(const char *text) { semihost(SYS_WRITE0, text); }

void board_exit(int status) {
  uintptr_t block[2] = {ADP_Stopped_ApplicationExit, (uintptr_t)status};
  semihost(SYS_EXIT_EXTENDED, block);
  /* Without the extended call, SYS_EXIT can only say success or failure. */
  semihost(SYS_EXIT,
           (const void *)(uintptr_t)(status == 0 ? ADP_Stopped_ApplicationExit
                                                 : 0x20023 /* RunTimeError */));
  for (;;) {
  }
}
