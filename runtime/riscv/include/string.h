/* string.h: the few string functions the bare-metal RISC-V harness and the
 * generated code use (libc.c), for a toolchain without a C library.
 * Part of the nn-mlir project. */
#ifndef NN_RUNTIME_RISCV_STRING_H
#define NN_RUNTIME_RISCV_STRING_H

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int value, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif /* NN_RUNTIME_RISCV_STRING_H */
