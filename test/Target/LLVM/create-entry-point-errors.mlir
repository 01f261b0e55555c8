// RUN: nn-opt %s --nn-create-entry-point --split-input-file --verify-diagnostics

// expected-error @below {{no public function: nothing to export as the entry}}
module {
  llvm.func @decl(!llvm.ptr)
}

// -----

module {
  llvm.func @a(%x: !llvm.ptr, %y: !llvm.ptr) {
    llvm.return
  }
  // expected-error @below {{more than one public function ('a', 'b'): cannot tell which is the network}}
  llvm.func @b(%x: !llvm.ptr, %y: !llvm.ptr) {
    llvm.return
  }
}

// -----

module {
  // expected-error @below {{'net_run' exists already}}
  llvm.func @net(%x: !llvm.ptr, %y: !llvm.ptr) {
    llvm.return
  }
  llvm.func internal @net_run() {
    llvm.return
  }
}

// -----

module {
  // expected-error @below {{the network function must return nothing, got '!llvm.func<i32 (ptr, ptr)>'}}
  llvm.func @net(%x: !llvm.ptr, %y: !llvm.ptr) -> i32 {
    %0 = llvm.mlir.constant(0 : i32) : i32
    llvm.return %0 : i32
  }
}

// -----

module {
  // expected-error @below {{argument 1 is 'i32', not a bare pointer (lower with use-bare-ptr-memref-call-conv)}}
  llvm.func @net(%x: !llvm.ptr, %n: i32) {
    llvm.return
  }
}

// -----

module {
  // expected-error @below {{only the last argument may be the arena ('nn.arena')}}
  llvm.func @net(%x: !llvm.ptr {nn.arena}, %y: !llvm.ptr) {
    llvm.return
  }
}

// -----

module {
  // expected-error @below {{the network needs an input and an output pointer}}
  llvm.func @net(%x: !llvm.ptr) {
    llvm.return
  }
}
