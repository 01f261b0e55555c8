// Host harness for the end-to-end tests: reads the input tensor from a file,
// runs the compiled network through its C entry point
// `int <name>_run(input, output, activations)`, writes the output tensor to a
// file.
//   harness <input file> <output file> <input bytes> <output bytes>
#include <stdio.h>
#include <stdlib.h>

int ENTRY(const void *input, void *output, void *activations);

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s in out in_bytes out_bytes\n", argv[0]);
    return 2;
  }
  size_t inBytes = strtoul(argv[3], NULL, 10);
  size_t outBytes = strtoul(argv[4], NULL, 10);
  void *input = malloc(inBytes), *output = calloc(1, outBytes);
  FILE *f = fopen(argv[1], "rb");
  if (!f || fread(input, 1, inBytes, f) != inBytes)
    return 3;
  fclose(f);
  // The activation arena: larger than any test network's plan needs.
  size_t arenaBytes = 16u << 20;
  void *activations = aligned_alloc(64, arenaBytes);
  if (!activations || ENTRY(input, output, activations) != 0)
    return 5;
  f = fopen(argv[2], "wb");
  if (!f || fwrite(output, 1, outBytes, f) != outBytes)
    return 4;
  fclose(f);
  free(input);
  free(output);
  free(activations);
  return 0;
}
