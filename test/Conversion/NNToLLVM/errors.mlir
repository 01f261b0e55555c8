// RUN: nn-opt %s --nn-attach-target="target=cortex-a53" -verify-diagnostics

// expected-error @+1 {{unknown target 'cortex-a53' (expected host, cortex-m4, cortex-m7, cortex-m33, cortex-m55 or rv32imc)}}
module {
}
