// A "network" whose inference is a loop of a known number of instructions:
// `subs` + `bne` = 2 per iteration, 5,000,000 iterations, plus the mov and
// the copy of the input word to the output.
module {
  llvm.func @calibrate_run(%input: !llvm.ptr, %output: !llvm.ptr, %activations: !llvm.ptr) -> i32 {
    %n = llvm.mlir.constant(5000000 : i32) : i32
    %left = llvm.inline_asm has_side_effects "1: subs $0, $0, #1\0A\09bne 1b", "=r,0" %n : (i32) -> i32
    %x = llvm.load %input : !llvm.ptr -> i32
    %y = llvm.add %x, %left : i32
    llvm.store %y, %output : i32, !llvm.ptr
    %ok = llvm.mlir.constant(0 : i32) : i32
    llvm.return %ok : i32
  }
}
