// RUN: nn-opt %s --nn-attach-target="target=cortex-a53" -verify-diagnostics

// expected-error @+1 {{unknown target 'cortex-a53' (expected one of}}
module {
}
