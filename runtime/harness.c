/* harness.c: runs a compiled network once on an input file, writes its
 * output file and prints the cost of the inference.
 *
 * Part of the nn-mlir project. Built by runtime/run.sh with the network's
 * generated header force-included (-include <name>.h) and these macros
 * naming its entry and sizes:
 *   NN_RUN, NN_INPUT_SIZE, NN_OUTPUT_SIZE, NN_ACTIVATIONS_SIZE,
 *   NN_ACTIVATIONS_ALIGN.
 * Usage: harness <input file> <output file> [samples]
 *
 * With `samples` (default 1) the input file holds that many inputs back to
 * back; each runs in turn and the outputs go to the output file in the same
 * order (nnc validate runs all its samples in one process this way).
 *
 * The first sample runs twice, each time over an arena filled with a
 * different pattern: both runs must return 0 and produce the same bytes,
 * which shows the code keeps no state between calls and reads no arena byte
 * it did not write. The second run is the one measured; every other sample
 * runs once and is measured too (one "inference:" line per sample). */
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

/* "0" .. "4294967295" -> the number; 0 for anything else. */
static uint32_t parse_count(const char *text) {
  uint64_t value = 0;
  for (; *text; ++text) {
    if (*text < '0' || *text > '9' || value > 0xFFFFFFFFu / 10)
      return 0;
    value = value * 10 + (uint64_t)(*text - '0');
  }
  return value > 0xFFFFFFFFu ? 0 : (uint32_t)value;
}

int main(int argc, char **argv) {
  board_init(&argc, &argv);
  if (argc != 3 && argc != 4)
    fail("usage: harness <input file> <output file> [samples]");
  uint32_t samples = argc == 4 ? parse_count(argv[3]) : 1;
  if (!samples)
    fail("the sample count must be a positive number");

  for (uint32_t sample = 0; sample < samples; ++sample) {
    if (board_read_file(argv[1], (size_t)sample * sizeof(input), input,
                        sizeof(input)))
      fail("cannot read the input file (missing or shorter than the inputs)");
    int status;
    if (sample == 0) {
      memset(arena, 0xA5, sizeof(arena));
      status = NN_RUN(input, output, arena);
      if (status)
        fail("the first run returned non-zero");
      memcpy(first_output, output, sizeof(output));
      memset(arena, 0x5A, sizeof(arena));
      memset(output, 0, sizeof(output));
    }
    uint64_t start = board_counter();
    status = NN_RUN(input, output, arena);
    uint64_t end = board_counter();
    if (status)
      fail(sample ? "a run returned non-zero"
                  : "the second run returned non-zero");
    if (sample == 0 && memcmp(first_output, output, sizeof(output)))
      fail("two runs on different arena contents gave different outputs");
    if (board_write_file(argv[2], (size_t)sample * sizeof(output), output,
                         sizeof(output)))
      fail("cannot write the output file");
    print_u64("inference: ", end - start, board_counter_unit());
  }
  board_exit(0);
}
