/* harness.c: runs a compiled network once on an input file, writes its
 * output file and prints the cost of the inference.
 *
 * Part of the nn-mlir project. Built by runtime/run.sh with the network's
 * generated header force-included (-include <name>.h) and these macros
 * naming its entry and sizes:
 *   NN_RUN, NN_INPUT_SIZE, NN_OUTPUT_SIZE, NN_ACTIVATIONS_SIZE,
 *   NN_ACTIVATIONS_ALIGN.
 * Usage: harness <input file> <output file>
 *
 * The network runs twice, each time over an arena filled with a different
 * pattern: both runs must return 0 and produce the same bytes, which shows
 * the code keeps no state between calls and reads no arena byte it did not
 * write. The second run is the one measured. */
#include <string.h>

#include "board.h"

#ifndef NN_RUN
#error "build with runtime/run.sh: NN_RUN and the size macros are missing"
#endif

#define NN_ARENA_BYTES (NN_ACTIVATIONS_SIZE > 0 ? NN_ACTIVATIONS_SIZE : 1)

static uint8_t arena[NN_ARENA_BYTES]
    __attribute__((aligned(NN_ACTIVATIONS_ALIGN)));
/* 16 bytes suit every element type the code may load from its I/O. */
static uint8_t input[NN_INPUT_SIZE] __attribute__((aligned(16)));
static uint8_t output[NN_OUTPUT_SIZE] __attribute__((aligned(16)));
static uint8_t first_output[NN_OUTPUT_SIZE];

static void print_u64(const char *label, uint64_t value, const char *unit) {
  char digits[21];
  int n = 0;
  do {
    digits[n++] = (char)('0' + value % 10);
    value /= 10;
  } while (value);
  char line[96];
  size_t length = strlen(label);
  memcpy(line, label, length);
  while (n)
    line[length++] = digits[--n];
  line[length++] = ' ';
  size_t unit_length = strlen(unit);
  memcpy(line + length, unit, unit_length);
  length += unit_length;
  line[length++] = '\n';
  line[length] = '\0';
  board_print(line);
}

static void fail(const char *message) {
  board_print("harness: ");
  board_print(message);
  board_print("\n");
  board_exit(1);
}

int main(int argc, char **argv) {
  board_init(&argc, &argv);
  if (argc != 3)
    fail("usage: harness <input file> <output file>");
  if (board_read_file(argv[1], input, sizeof(input)))
    fail("cannot read the input file (missing or shorter than the input)");

  memset(arena, 0xA5, sizeof(arena));
  int status = NN_RUN(input, output, arena);
  if (status)
    fail("the first run returned non-zero");
  memcpy(first_output, output, sizeof(output));

  memset(arena, 0x5A, sizeof(arena));
  memset(output, 0, sizeof(output));
  uint64_t start = board_counter();
  status = NN_RUN(input, output, arena);
  uint64_t end = board_counter();
  if (status)
    fail("the second run returned non-zero");
  if (memcmp(first_output, output, sizeof(output)))
    fail("two runs on different arena contents gave different outputs");

  if (board_write_file(argv[2], output, sizeof(output)))
    fail("cannot write the output file");
  print_u64("inference: ", end - start, board_counter_unit());
  board_exit(0);
}
