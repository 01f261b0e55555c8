/* libc.c: memcpy, memmove, memset, memcmp and strlen for the bare-metal
 * RISC-V board (clang + lld, no C library). The generated code calls only
 * memcpy/memset/memmove; the harness also memcmp and strlen. Built with
 * -fno-builtin so the loops do not turn back into calls to themselves.
 * Part of the nn-mlir project. */
#include <string.h>

#include <stdint.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
    for (; n >= 4; n -= 4, d += 4, s += 4)
      *(uint32_t *)d = *(const uint32_t *)s;
  }
  while (n--)
    *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d <= s || d >= s + n)
    return memcpy(dst, src, n);
  while (n--)
    d[n] = s[n];
  return dst;
}

void *memset(void *dst, int value, size_t n) {
  unsigned char *d = dst;
  while (n--)
    *d++ = (unsigned char)value;
  return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (; n; --n, ++x, ++y)
    if (*x != *y)
      return *x - *y;
  return 0;
}

size_t strlen(const char *s) {
  const char *p = s;
  while (*p)
    ++p;
  return (size_t)(p - s);
}
