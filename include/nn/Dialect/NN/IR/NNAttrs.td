//===- NNAttrs.td - nn dialect attributes and enums --------*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNATTRS_TD
#define NN_DIALECT_NN_IR_NNATTRS_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "nn/Dialect/NN/IR/NNDialect.td"

//===----------------------------------------------------------------------===//
// Padding
//===----------------------------------------------------------------------===//

def NN_Padding_Valid : I32EnumAttrCase<"Valid", 0, "valid">;
def NN_Padding_Same : I32EnumAttrCase<"Same", 1, "same">;
def NN_Padding_Explicit : I32EnumAttrCase<"Explicit", 2, "explicit">;

def NN_Padding : I32EnumAttr<"Padding",
    "spatial padding of a window op (valid, same, or explicit amounts)",
    [NN_Padding_Valid, NN_Padding_Same, NN_Padding_Explicit]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::nn";
}

def NN_PaddingAttr : EnumAttr<NN_Dialect, NN_Padding, "padding"> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// Fused activation
//===----------------------------------------------------------------------===//

def NN_Act_None : I32EnumAttrCase<"None", 0, "none">;
def NN_Act_Relu : I32EnumAttrCase<"Relu", 1, "relu">;
def NN_Act_Relu6 : I32EnumAttrCase<"Relu6", 2, "relu6">;
def NN_Act_ReluN1To1 : I32EnumAttrCase<"ReluN1To1", 3, "relu_n1_to_1">;
def NN_Act_Tanh : I32EnumAttrCase<"Tanh", 4, "tanh">;

def NN_FusedActivation : I32EnumAttr<"FusedActivation",
    "activation function fused into a layer's output",
    [NN_Act_None, NN_Act_Relu, NN_Act_Relu6, NN_Act_ReluN1To1, NN_Act_Tanh]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::nn";
}

def NN_FusedActivationAttr
    : EnumAttr<NN_Dialect, NN_FusedActivation, "fused_activation"> {
  let assemblyFormat = "`<` $value `>`";
}

def NN_DefaultFusedActivation
    : DefaultValuedAttr<NN_FusedActivationAttr, "::mlir::nn::FusedActivation::None">;

#endif // NN_DIALECT_NN_IR_NNATTRS_TD
