# -*- Python -*-
# lit configuration of the nn-mlir regression tests.

import os
import sys

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "NN"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nn_obj_root, "test")
config.excludes = ["Inputs", "CMakeLists.txt", "README.txt", "lit.cfg.py",
                   "lit.site.cfg.py"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%models", config.nn_models_dir))
config.substitutions.append(("%nn_src_root", config.nn_src_root))
config.substitutions.append(("%nn_obj_root", config.nn_obj_root))
# Builds a .tflite file from a model spec (utils/tflite_writer.py).
config.substitutions.append(("%write-tflite", "%s %s/utils/tflite_writer.py --schema %s/schema/tflite_subset.fbs" % (sys.executable, config.nn_src_root, config.nn_src_root)))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.nn_tools_dir, config.llvm_tools_dir]
tools = ["nn-opt", "nn-translate", "nnc", "nn-compare", "nn-random-input"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# The TFLite importer's fuzzers; the libFuzzer one exists when clang's fuzzer
# runtime (libclang-rt-22-dev) is installed.
llvm_config.add_tool_substitutions(["nn-tflite-fuzz"], tool_dirs)
if os.path.exists(os.path.join(config.nn_tools_dir, "nn-tflite-libfuzzer")):
    config.available_features.add("libfuzzer")
    llvm_config.add_tool_substitutions(["nn-tflite-libfuzzer"], tool_dirs)

# The public models live beside the checkout in ../shared/models; tests that
# read them need that folder.
if os.path.isdir(config.nn_models_dir):
    config.available_features.add("models")

# Reference runtimes of validation (tools/nn-reference): TensorFlow Lite in
# WebAssembly (node + the npm package scripts/setup.sh installs) and Arm NN's
# reference backend (Debian's pyarmnn under /usr/bin/python3).
import shutil
import subprocess

reference_dir = os.path.join(config.nn_src_root, "tools", "nn-reference")
tflite_wasm = os.path.join(config.nn_src_root, ".deps", "npm", "node_modules",
                           "@tensorflow", "tfjs-tflite", "wasm",
                           "tflite_web_api_cc.wasm")
if shutil.which("node") and os.path.isfile(tflite_wasm):
    config.available_features.add("tflite-reference")
if os.path.isfile("/usr/lib/x86_64-linux-gnu/armnn22/Arm_CpuRef_backend.so") and \
        subprocess.call(["/usr/bin/python3", "-c", "import pyarmnn"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
    config.available_features.add("armnn-reference")
config.substitutions.append(
    ("%tflite_reference", "node " + os.path.join(reference_dir, "tflite-reference.js")))
config.substitutions.append(
    ("%armnn_reference", "/usr/bin/python3 " + os.path.join(reference_dir, "armnn-reference.py")))
# Debian's stock mlir-opt (mlir-22-tools) with our plugins (test/Plugins).
llvm_config.add_tool_substitutions([ToolSubst("mlir-opt", unresolved="fatal"),
                                    ToolSubst("mlir-translate", unresolved="fatal")],
                                   [config.llvm_tools_dir])
config.substitutions.append(
    ("%nn_dialect_plugin", os.path.join(config.nn_obj_root, "lib", "NNDialectPlugin.so")))
config.substitutions.append(
    ("%nn_pass_plugin", os.path.join(config.nn_obj_root, "lib", "NNPassPlugin.so")))
config.substitutions.append(
    ("%nn_plugins", "--load-dialect-plugin=%s --load-pass-plugin=%s" % (
        os.path.join(config.nn_obj_root, "lib", "NNDialectPlugin.so"),
        os.path.join(config.nn_obj_root, "lib", "NNPassPlugin.so"))))

# test/Install: install this build and build a downstream project against it
# with the same CMake, generator and compilers.
config.substitutions.append(("%cmake_exe", '"%s"' % config.cmake_command))
config.substitutions.append(
    ("%cmake_configure",
     '"%s" -G "%s" -DCMAKE_MAKE_PROGRAM="%s" -DCMAKE_C_COMPILER="%s" -DCMAKE_CXX_COMPILER="%s"'
     % (config.cmake_command, config.cmake_generator, config.cmake_make_program,
        config.cmake_c_compiler, config.cmake_cxx_compiler)))
# End-to-end numerical tests compile the generated LLVM IR with clang-22 and
# compute expected values with numpy (Debian's python3).
import shutil
import subprocess

config.substitutions.append(("%nn_tools_dir", config.nn_tools_dir))
config.substitutions.append(("%python", "/usr/bin/python3"))
if shutil.which("clang-22") and subprocess.run(
        ["/usr/bin/python3", "-c", "import numpy"],
        capture_output=True).returncode == 0:
    config.available_features.add("host-e2e")

# Running compiled networks: runtime/run.sh links them with the harness; the
# Cortex-M runs need Debian's Arm cross compiler and QEMU.
config.substitutions.append(
    ("%run_network", "bash " + os.path.join(config.nn_src_root, "runtime", "run.sh")))
if shutil.which("qemu-system-arm") and shutil.which("arm-none-eabi-gcc"):
    config.available_features.add("qemu-arm")
# RV32: firmware built by clang-22 and lld (no RISC-V gcc), run on QEMU virt.
if shutil.which("qemu-system-riscv32") and shutil.which("clang-22") and \
        os.path.exists("/usr/lib/llvm-22/bin/ld.lld"):
    config.available_features.add("qemu-riscv")
    # Float code on RV32IMC also needs the soft-float helpers of libgcc
    # (gcc-riscv64-unknown-elf), which runtime/run.sh links.
    rv_gcc = shutil.which("riscv64-unknown-elf-gcc")
    if rv_gcc:
        rv_libgcc = subprocess.run(
            [rv_gcc, "-march=rv32im", "-mabi=ilp32", "-print-libgcc-file-name"],
            capture_output=True, text=True).stdout.strip()
        if os.path.isabs(rv_libgcc) and os.path.isfile(rv_libgcc):
            config.available_features.add("riscv-libgcc")
