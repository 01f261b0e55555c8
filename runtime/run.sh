#!/usr/bin/env bash
# Links a compiled network (<name>.o + <name>.h from nn-translate or the
# driver) with the harness and runs one inference on an input file:
# in QEMU for the Cortex-M targets (mps2-an386, mps2-an500, mps2-an505,
# mps3-an547) and rv32imc (virt, RV32), natively for `host`.
#
#   runtime/run.sh --target cortex-m4 --object net.o --header net.h \
#                  --input in.bin --output out.bin [--samples N] [--work-dir DIR]
#
# With --samples N the input file holds N inputs back to back and the output
# file gets the N outputs (one harness run). Prints the harness's
# "inference: N instructions" (QEMU -icount, SysTick) or "inference: N ns"
# (host), one line per sample, and exits with the harness's status. The host
# build uses $CC (default cc).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  echo "usage: $0 --target <cortex-m4|cortex-m7|cortex-m33|cortex-m55|rv32imc|host> --object F.o --header F.h --input IN --output OUT [--samples N] [--work-dir DIR]" >&2
  exit 2
}

target="" object="" header="" input="" output="" work="" samples=1
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --object) object="$2"; shift 2 ;;
    --header) header="$2"; shift 2 ;;
    --input) input="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    --work-dir) work="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    *) usage ;;
  esac
done
[ -n "$target" ] && [ -n "$object" ] && [ -n "$header" ] && [ -n "$input" ] && [ -n "$output" ] || usage
case "$samples" in ''|*[!0-9]*|0) usage ;; esac
for f in "$object" "$header" "$input"; do
  [ -f "$f" ] || { echo "run.sh: no such file: $f" >&2; exit 2; }
done

# The entry is the header's `int <name>_run(...)`; its macros are <NAME>_*.
name="$(sed -n 's/^int \([A-Za-z_][A-Za-z0-9_]*\)_run(.*/\1/p' "$header" | head -n1)"
[ -n "$name" ] || { echo "run.sh: $header declares no <name>_run entry" >&2; exit 2; }
NAME="$(echo "$name" | tr '[:lower:]' '[:upper:]')"
if ! grep -q "^#define ${NAME}_NUM_INPUTS 1$" "$header" ||
   ! grep -q "^#define ${NAME}_NUM_OUTPUTS 1$" "$header"; then
  echo "run.sh: the harness runs networks with one input and one output" >&2
  exit 2
fi

# The generated code may call only memcpy/memset/memmove and the compiler's
# own helpers (libgcc/compiler-rt: __aeabi_*, __mulsi3, ...), never libc/libm.
undefined="$(nm -u "$object" | awk '{print $2}')"
calls="$(echo "$undefined" | grep -vE '^(memcpy|memset|memmove|__.*)?$' || true)"
if [ -n "$calls" ]; then
  echo "run.sh: $object calls library functions beyond memcpy/memset:" $calls >&2
  exit 1
fi

if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

defines=(
  -include "$header"
  "-DNN_RUN=${name}_run"
  "-DNN_INPUT_SIZE=${NAME}_INPUT_SIZE"
  "-DNN_OUTPUT_SIZE=${NAME}_OUTPUT_SIZE"
  "-DNN_ACTIVATIONS_SIZE=${NAME}_ACTIVATIONS_SIZE"
  "-DNN_ACTIVATIONS_ALIGN=${NAME}_ACTIVATIONS_ALIGN"
)
cflags=(-std=c11 -O2 -Wall -Wextra -Werror -ffunction-sections -fdata-sections)

# Only the harness sees the network's header and macros.
if [ "$target" = host ]; then
  host_cc="${CC:-cc}"
  "$host_cc" "${cflags[@]}" "${defines[@]}" -c "$here/harness.c" -o "$work/harness.o"
  "$host_cc" "${cflags[@]}" -c "$here/host/board.c" -o "$work/board.o"
  "$host_cc" "$work/harness.o" "$work/board.o" "$object" -o "$work/$name"
  exec "$work/$name" "$input" "$output" "$samples"
fi

# Semihosting opens files relative to QEMU's working directory: pass
# absolute paths (the command line splits at spaces, so none are allowed).
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
in_abs="$(abs "$input")"
out_abs="$(abs "$output")"
case "$in_abs$out_abs" in
  *" "*) echo "run.sh: input and output paths must not contain spaces" >&2; exit 2 ;;
esac
elf="$work/$name.elf"
# -icount shift=0: one instruction per ns of virtual time, deterministic.
# The semihosting console is QEMU's stdout; no serial port, no monitor.
qemu_args=(-nographic -monitor none -serial none -icount shift=0
  -chardev stdio,id=console,mux=off
  -semihosting-config "enable=on,target=native,chardev=console,arg=$name,arg=$in_abs,arg=$out_abs,arg=$samples")

# RV32IMC: clang and lld without a C library (riscv/libc.c has the string
# functions); QEMU virt in machine mode, no firmware. RV32IMC has no FPU:
# float code calls the soft-float helpers (__addsf3, __mulsf3, ...), which
# come from the libgcc of Debian's gcc-riscv64-unknown-elf. Its multilib has
# no rv32imc directory; rv32im/ilp32 is the one whose code rv32imc runs
# (rv32imac's may use atomics, which rv32imc lacks).
if [ "$target" = rv32imc ]; then
  libgcc=()
  if command -v riscv64-unknown-elf-gcc > /dev/null; then
    libgcc=("$(riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -print-libgcc-file-name)")
    # Without that multilib gcc prints a bare "libgcc.a".
    [[ "${libgcc[0]}" = /* && -f "${libgcc[0]}" ]] || libgcc=()
  fi
  helpers="$(echo "$undefined" | grep -E '^__[a-z]*[sd]f' || true)"
  if [ ${#libgcc[@]} -eq 0 ] && [ -n "$helpers" ]; then
    echo "run.sh: $object needs libgcc's soft-float helpers ($(echo $helpers)):" \
      "install gcc-riscv64-unknown-elf (scripts/setup.sh)" >&2
    exit 2
  fi
  rv_cc=(clang-22 --target=riscv32-unknown-elf -march=rv32imc -mabi=ilp32
    "${cflags[@]}" -ffreestanding -isystem "$here/riscv/include")
  "${rv_cc[@]}" "${defines[@]}" -c "$here/harness.c" -o "$work/harness.o"
  "${rv_cc[@]}" -c "$here/riscv/board.c" -o "$work/board.o"
  "${rv_cc[@]}" -c "$here/semihosting.c" -o "$work/semihosting.o"
  "${rv_cc[@]}" -c "$here/riscv/startup.c" -o "$work/startup.o"
  "${rv_cc[@]}" -fno-builtin -c "$here/riscv/libc.c" -o "$work/libc.o"
  clang-22 --target=riscv32-unknown-elf -march=rv32imc -mabi=ilp32 -nostdlib \
    -fuse-ld=lld "$work/harness.o" "$work/board.o" "$work/semihosting.o" \
    "$work/startup.o" "$work/libc.o" "$object" "${libgcc[@]}" -L "$here" \
    -T "$here/riscv/virt.ld" -Wl,--gc-sections -o "$elf"
  exec qemu-system-riscv32 -M virt -bios none "${qemu_args[@]}" -kernel "$elf"
fi

# Arm targets: gcc flags with the same CPU and float ABI as the preset.
# Each board: QEMU machine, linker script, system clock (SysTick's rate).
case "$target" in
  cortex-m4) cpu=(-mcpu=cortex-m4 -mfpu=fpv4-sp-d16); machine=mps2-an386; ld=mps2-an386.ld; hz=25000000 ;;
  cortex-m7) cpu=(-mcpu=cortex-m7 -mfpu=fpv5-d16); machine=mps2-an500; ld=mps2-an386.ld; hz=25000000 ;;
  cortex-m33) cpu=(-mcpu=cortex-m33 -mfpu=fpv5-sp-d16); machine=mps2-an505; ld=mps2-an505.ld; hz=20000000 ;;
  cortex-m55) cpu=(-mcpu=cortex-m55); machine=mps3-an547; ld=mps3-an547.ld; hz=32000000 ;;
  *) echo "run.sh: no emulated board for target '$target' (cortex-m4, cortex-m7, cortex-m33, cortex-m55, rv32imc, host)" >&2; exit 2 ;;
esac
arm_cc=(arm-none-eabi-gcc "${cflags[@]}" "${cpu[@]}" -mthumb -mfloat-abi=hard)
"${arm_cc[@]}" "${defines[@]}" -c "$here/harness.c" -o "$work/harness.o"
"${arm_cc[@]}" "-DNN_SYSCLK_HZ=${hz}u" -c "$here/mps2/board.c" -o "$work/board.o"
"${arm_cc[@]}" -c "$here/semihosting.c" -o "$work/semihosting.o"
"${arm_cc[@]}" -c "$here/mps2/startup.c" -o "$work/startup.o"
# newlib (nano) provides memcpy/memset to the network and the harness.
"${arm_cc[@]}" "$work/harness.o" "$work/board.o" "$work/semihosting.o" \
  "$work/startup.o" "$object" -nostartfiles --specs=nano.specs -L "$here" -T "$here/mps2/$ld" \
  -Wl,--gc-sections -Wl,--no-warn-rwx-segments -Wl,--no-warn-execstack -o "$elf"

exec qemu-system-arm -M "$machine" "${qemu_args[@]}" -kernel "$elf"
