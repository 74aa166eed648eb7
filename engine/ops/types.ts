import type { AttrValue, InitSpec } from '../graph/types';
import type { Shape } from '../tensor/shape';
import type { OpExplanation } from './explanation';
import type { OpDomain, OpRecipe } from './recipe';

/** A named input port of an op. */
export interface PortSpec {
  readonly name: string;
  /** When the port is left unconnected, this scalar attribute is used instead (`add` with `c`). */
  readonly fallbackAttr?: string;
  /** False for ports no gradient flows into (class labels, BCE targets). */
  readonly differentiable?: boolean;
}

/** An attribute an op takes, with its type and default. */
export type AttrSpec =
  | { readonly name: string; readonly type: 'number'; readonly default: number }
  | { readonly name: string; readonly type: 'integer'; readonly default: number | null; readonly min?: number }
  | { readonly name: string; readonly type: 'boolean'; readonly default: boolean }
  | { readonly name: string; readonly type: 'enum'; readonly values: readonly string[]; readonly default: string }
  /** Axis lengths of a tensor, with at most one -1 standing for what the others leave (reshape's `shape`). */
  | { readonly name: string; readonly type: 'shape'; readonly default: readonly number[] };

/** Attribute values of a node, after defaults are filled in. */
export type Attrs = Record<string, AttrValue>;

/** A trainable tensor an op owns (like `nn.Linear`'s weight and bias). */
export interface ParamSpec {
  readonly name: string;
  readonly shape: Shape;
  /** Fan-in for the `default` initialiser (nn.Linear draws weight and bias in ±1/√inFeatures). */
  readonly fanIn: number;
}

/** The shapes an op is compiled for. */
export interface CompileShapes {
  readonly inputs: readonly Shape[];
  readonly output: Shape;
}

/** Groups used by the palette. */
export type OpGroup = 'arithmetic' | 'reductions' | 'shapes' | 'layers' | 'activations' | 'losses';

/** The torch.nn loss module an op is, so an exported script reads `loss = criterion(outputs, labels)`. */
export interface CriterionSpec {
  /** The module's class, e.g. `nn.MSELoss`; it takes the op's `reduction`. */
  readonly module: string;
  /** The target's expression as the module wants it (class indices as `.long()`). */
  target?(expr: string): string;
}

/** An argument after the ports of a PyTorch call, by position and by keyword: `dim` sets `axis`. */
export interface TorchArg {
  /** The Python keyword (`dim`, `keepdim`, `reduction`, `exponent`). */
  readonly keyword: string;
  /** The attribute it sets. */
  readonly attr: string;
  /** PyTorch refuses the call without it (softmax's dim, pow's exponent). */
  readonly required?: boolean;
  /** A tuple of every axis (`dim=(0, 1)`) means the attribute's null: the reduction over every element. */
  readonly allAxes?: boolean;
}

/** How PyTorch code calls an op: its functions and methods, the arguments after its ports, and what it returns. */
export interface TorchCallSpec {
  /** Functions by their full path (`torch.sigmoid`, `torch.nn.functional.sigmoid`). */
  readonly functions: readonly string[];
  /** Tensor methods (`x.sigmoid()`): the tensor is the first port. */
  readonly methods?: readonly string[];
  /** The arguments after the ports, in PyTorch's positional order. */
  readonly args?: readonly TorchArg[];
  /** With `dim` given, the call returns `(values, indices)`, as torch.max(x, dim) does. */
  readonly valuesIndices?: boolean;
  /** The type PyTorch gives the result when it is not a float tensor (argmax: int64, a comparison: bool). */
  readonly result?: 'int64' | 'bool';
  /** The op's own parameters follow the ports as tensors, as in F.linear(x, weight, bias). */
  readonly paramArgs?: boolean;
  /** Ports PyTorch wants an integer tensor on (cross_entropy's class labels). */
  readonly integerPorts?: readonly string[];
}

/** What a classification loss's input is, so a plot or the accuracy metric can read a class from it: a probability (from ½ on), a logit (from 0 on), or one logit per class (the first largest); see prediction.ts. */
export type PredictionKind = 'probability' | 'logit' | 'class-logits';

/**
 * A computing op, and everything GradCanvas knows about it: its ports, attributes, shape
 * rule, forward and backward kernels, the PyTorch it corresponds to, how the explanation
 * panel reads it, and how tests build it. Kernels see inputs in port order followed by the
 * op's own parameters, and write into buffers allocated once at compile time.
 */
export interface OpDef<A extends Attrs = Attrs, C = unknown> {
  readonly kind: 'op';
  readonly name: string;
  readonly group: OpGroup;
  /** Short formula shown on the node, e.g. `y = x²`. */
  readonly formula: string;
  readonly inputs: readonly PortSpec[];
  readonly attrs: readonly AttrSpec[];
  /** PyTorch's grad_fn name for this op's output, as `make_dot` labels it. */
  readonly gradFn: string;
  /** PyTorch's grad_fn name when it depends on the attributes (max along an axis is MaxBackward0); absent: `gradFn`. */
  gradFnOf?(attrs: A): string;
  /** The op in float32, as PyTorch computes it (the document's `dtype`). */
  readonly float32: Float32Kernels<C>;
  /** The op on one element as the compiled step writes it out (float64), when it has that form. */
  readonly scalar?: ScalarCode<A>;
  /** A one-input elementwise op's float64 arithmetic on one element, which its kernels run on each (exec/linearAct.ts fuses it into a linear's loops). */
  readonly elementwise?: ElementwiseCode;
  /** Elements of working buffers beyond budget.ts's estimate, for ops that hold more (matmul's expanded gradients). */
  scratch?(shapes: CompileShapes): number;
  /** The op's own trainable parameters, if any. */
  params?(attrs: A): ParamSpec[];
  /** Output shape for the given input shapes; throws ShapeError naming the shapes. */
  shape(inputs: readonly Shape[], attrs: A): Shape;
  /** Compile-time context for the kernels: broadcast maps, scratch buffers, attributes. */
  prepare(shapes: CompileShapes, attrs: A): C;
  /** Writes the output `y` from the inputs `x`. */
  forward(x: readonly Float64Array[], y: Float64Array, ctx: C): void;
  /** Adds (`+=`) each input's gradient into `gx[i]`, skipping nulls; `gy` is the output's gradient. */
  backward(x: readonly Float64Array[], y: Float64Array, gy: Float64Array, gx: readonly (Float64Array | null)[], ctx: C): void;
  /**
   * The PyTorch expression, given the argument expressions in port order then parameters;
   * text attributes reach Python only through `str` (the exporter's one escaping function).
   */
  torch(args: readonly string[], attrs: A, str: (text: string) => string): string;
  /** How PyTorch code calls the op, for the code importer; absent for ops written only as operators (`a + b`). */
  readonly torchCall?: TorchCallSpec;
  /** The torch.nn module the op is as a layer of an exported Net (`nn.Linear(2, 1)`); its parameters keep the op's names. */
  torchModule?(attrs: A): string;
  /** The torch.nn loss module the op is, for losses the export splits off as a criterion. */
  readonly criterion?: CriterionSpec;
  /** What the op's first input is when it is a classification loss. */
  readonly prediction?: PredictionKind;
  /** How the op's own parameters start when the node names no initialiser (linear: nn.Linear's own). */
  readonly init?: InitSpec;
  /** The attributes in one line where `name = value` pairs read worse (linear: `2 → 1`, as nn.Linear(2, 1)). */
  attrSummary?(attrs: A): string;
  /** The forward and each input's local rule, in math text, for the step-through explanation. */
  readonly explain: OpExplanation;
  /** How the random-graph generator builds a node of the op (read by engine/testing). */
  readonly recipe: OpRecipe<A>;
  /** The inputs the op is well conditioned on, so generated graphs compare meaningfully with PyTorch. */
  readonly domain: OpDomain<A>;
}

/**
 * An op's kernels in float32, as PyTorch 1.13 computes the op on the CPU (AVX2, one thread):
 * inputs and outputs hold float32 values, every elementary step rounds to float32 (f32), sums
 * add in PyTorch's order (torchSum32) and its fused multiply-adds fuse (fma32).
 */
export interface Float32Kernels<C> {
  /** Writes the output `y` from the inputs `x`, as forward does. */
  forward(x: readonly Float64Array[], y: Float64Array, ctx: C): void;
  /** Adds each input's gradient into `gx[i]` (rounding the sum), as backward does. */
  backward(x: readonly Float64Array[], y: Float64Array, gy: Float64Array, gx: readonly (Float64Array | null)[], ctx: C): void;
  /**
   * Where the kernels can differ from PyTorch's in the last bits: why, and the most units in
   * the last place they differ by on PyTorch's own inputs (the float32 differential test checks
   * it); absent when they reproduce PyTorch bit for bit.
   */
  readonly inexact?: { readonly ulps: number; readonly why: string };
}

/**
 * An op on single elements as JavaScript source for the compiled step (exec/compiled.ts), in
 * float64: the same arithmetic, in the same order, as the op's kernels. The pieces it joins
 * are element references the compiler hands it (`V[12]`) and `k(n)`, the reference of a
 * constant held in a buffer: never an attribute's text, never a number's digits.
 */
export interface ScalarCode<A> {
  /** The output element's expression from the inputs' element references. */
  forward(x: readonly string[], attrs: A, k: (n: number) => string): string;
  /** The statement adding input `i`'s gradient into `gx` (as the kernel does, `+=` or `-=`); `g` is the output's gradient. */
  backward(i: number, gx: string, x: readonly string[], g: string, attrs: A, k: (n: number) => string): string;
  /**
   * The op as a link of a scalar chain (exec/scalarChain.ts), when its first input is the chain's
   * value and every other input is a constant: its form, and the constant from the attributes or
   * the unconnected port's buffer.
   */
  readonly chain?: { readonly form: ChainForm; constant?(x: readonly Float64Array[], attrs: A): number };
}

/** A one-input elementwise op on one float64 element: what its kernels compute for each element. */
export interface ElementwiseCode {
  /** The output from the input. */
  value(x: number): number;
  /** What the gradient reads beside the output's: the op's input (square's 2x) or its output (relu's, sigmoid's, tanh's y). */
  readonly gradFrom: 'input' | 'output';
  /** What the input's gradient gains (the kernel adds it with `+=`), from that value `v` and the output's gradient `g`. */
  grad(v: number, g: number): number;
}

/** What one link of a scalar chain does to the value v (c its constant): v², c·v, v + c, v − c or −v. */
export type ChainForm = 'square' | 'times' | 'plus' | 'minus' | 'negate';

/** Any op, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOpDef = OpDef<any, any>;
