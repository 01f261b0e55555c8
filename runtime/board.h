/* board.h: what the harness needs from the machine it runs on.
 *
 * Part of the nn-mlir project. Two implementations: mps2/board.c (QEMU's
 * MPS2 boards: semihosting files, SysTick instruction counts) and
 * host/board.c (stdio, clock_gettime). */
#ifndef NN_RUNTIME_BOARD_H
#define NN_RUNTIME_BOARD_H

#include <stddef.h>
#include <stdint.h>

/* Sets up the console and the counter. On the host `argc`/`argv` are
 * main's; bare-metal boards replace them with the arguments the emulator
 * passed (semihosting command line). */
void board_init(int *argc, char ***argv);

/* Reads exactly `size` bytes of `path`, from byte `offset` on, into
 * `data`; 0 on success. */
int board_read_file(const char *path, size_t offset, void *data, size_t size);

/* Writes `size` bytes to `path` at byte `offset`: offset 0 creates or
 * truncates the file, a later offset writes into the existing file (QEMU's
 * semihosting ignores the append mode); 0 on success. */
int board_write_file(const char *path, size_t offset, const void *data,
                     size_t size);

/* A monotonic count in the board's unit (board_counter_unit()). */
uint64_t board_counter(void);

/* What one count of board_counter() is: "instructions" on MPS2 under
 * `-icount shift=0`, "ns" on the host. */
const char *board_counter_unit(void);

/* Prints a NUL-terminated string on the console. */
void board_print(const char *text);

/* Ends the program with `status` (the QEMU or process exit status). */
void board_exit(int status) __attribute__((noreturn));

#endif /* NN_RUNTIME_BOARD_H */
