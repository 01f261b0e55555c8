# -*- Python -*-
# lit configuration of the nn-mlir regression tests.

import os

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

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.nn_tools_dir, config.llvm_tools_dir]
tools = ["nn-opt", "nn-translate"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# The public models live beside the checkout in ../shared/models; tests that
# read them need that folder.
if os.path.isdir(config.nn_models_dir):
    config.available_features.add("models")

# Running compiled networks: runtime/run.sh links them with the harness; the
# Cortex-M runs need Debian's Arm cross compiler and QEMU.
import shutil
config.substitutions.append(
    ("%run_network", "bash " + os.path.join(config.nn_src_root, "runtime", "run.sh")))
if shutil.which("qemu-system-arm") and shutil.which("arm-none-eabi-gcc"):
    config.available_features.add("qemu-arm")
