/* host/board.c: the harness's board on the build machine (stdio, time).
 *
 * Part of the nn-mlir project. */
#define _POSIX_C_SOURCE 199309L
#include "../board.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void board_init(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
}

int board_read_file(const char *path, size_t offset, void *data, size_t size) {
  FILE *file = fopen(path, "rb");
  if (!file)
    return 1;
  if (fseek(file, (long)offset, SEEK_SET)) {
    fclose(file);
    return 1;
  }
  size_t got = fread(data, 1, size, file);
  fclose(file);
  return got == size ? 0 : 1;
}

int board_write_file(const char *path, size_t offset, const void *data,
                     size_t size) {
  FILE *file = fopen(path, offset ? "r+b" : "wb");
  if (!file)
    return 1;
  if (fseek(file, (long)offset, SEEK_SET)) {
    fclose(file);
    return 1;
  }
  size_t put = fwrite(data, 1, size, file);
  return (fclose(file) == 0 && put == size) ? 0 : 1;
}

uint64_t board_counter(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

const char *board_counter_unit(void) { return "ns"; }

void board_print(const char *text) {
  fputs(text, stdout);
  fflush(stdout);
}

void board_exit(int status) { exit(status); }
