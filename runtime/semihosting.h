/* semihosting.h: the board functions every semihosting board shares.
 *
 * Part of the nn-mlir project. semihosting.c implements the files, the
 * console, the exit and the command line of board.h over the semihosting
 * calls the Arm and RISC-V specifications share; each board supplies the
 * one call that traps into the emulator (Arm `bkpt 0xAB`, RISC-V the
 * `slli; ebreak; srai` sequence). */
#ifndef NN_RUNTIME_SEMIHOSTING_H
#define NN_RUNTIME_SEMIHOSTING_H

#include <stdint.h>

/* Semihosting operation `op` with its argument (a value or a parameter
 * block); returns the emulator's result. */
uintptr_t semihost_call(uintptr_t op, const void *arg);

/* Splits the emulator's command line (QEMU -semihosting-config arg=...)
 * into `*argc`/`*argv`. */
void semihost_arguments(int *argc, char ***argv);

#endif /* NN_RUNTIME_SEMIHOSTING_H */
