/* semihosting.c: files, console, exit and command line over semihosting.
 *
 * Part of the nn-mlir project. The operations are those of Arm's
 * "Semihosting for AArch32 and AArch64", which the RISC-V semihosting
 * specification adopts unchanged; QEMU serves them with
 * -semihosting-config enable=on,target=native. */
#include "board.h"
#include "semihosting.h"

#include <string.h>

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
enum { ADP_Stopped_ApplicationExit = 0x20026, ADP_Stopped_RunTimeError = 0x20023 };
/* SYS_OPEN modes: fopen's "rb", "r+b" and "wb". */
enum { OPEN_READ_BINARY = 1, OPEN_UPDATE_BINARY = 3, OPEN_WRITE_BINARY = 5 };

static char command_line[256];
static char *arguments[8];

void semihost_arguments(int *argc, char ***argv) {
  uintptr_t block[2] = {(uintptr_t)command_line, sizeof(command_line)};
  int count = 0;
  if (semihost_call(SYS_GET_CMDLINE, block) == 0) {
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
  return (int)semihost_call(SYS_OPEN, block);
}

static void close_file(int handle) {
  uintptr_t block[1] = {(uintptr_t)handle};
  semihost_call(SYS_CLOSE, block);
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
  if (offset && semihost_call(SYS_SEEK, seek) != 0) {
    close_file(handle);
    return 1;
  }
  uintptr_t block[3] = {(uintptr_t)handle, (uintptr_t)data, size};
  uintptr_t left = semihost_call(op, block);
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

void board_print(const char *text) { semihost_call(SYS_WRITE0, text); }

void board_exit(int status) {
  uintptr_t block[2] = {ADP_Stopped_ApplicationExit, (uintptr_t)status};
  semihost_call(SYS_EXIT_EXTENDED, block);
  /* Without the extended call, SYS_EXIT can only say success or failure
   * (32-bit semihosting passes the reason itself, not a block). */
  semihost_call(SYS_EXIT,
                (const void *)(uintptr_t)(status == 0 ? ADP_Stopped_ApplicationExit
                                                      : ADP_Stopped_RunTimeError));
  for (;;) {
  }
}
