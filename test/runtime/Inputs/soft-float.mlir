// One float addition, y = x + 0.25, behind the calibrate_run interface: on
// rv32imc (no FPU) it is a call to libgcc's __addsf3.
module {
  llvm.func @calibrate_run(%input: !llvm.ptr, %output: !llvm.ptr, %activations: !llvm.ptr) -> i32 {
    %x = llvm.load %input : !llvm.ptr -> f32
    %c = llvm.mlir.constant(0.25 : f32) : f32
    %y = llvm.fadd %x, %c : f32
    llvm.store %y, %output : f32, !llvm.ptr
    %ok = llvm.mlir.constant(0 : i32) : i32
    llvm.return %ok : i32
  }
}
