/**
 * Test harness for single ops: builds `leaves → op → sum(op · w)` graphs, compiles them with
 * the engine's own compile(), and compares autodiff with central differences through the
 * engine's gradientCheck. Only test files import this module.
 */
import fc from 'fast-check';
import { compile, type CompileResult } from '../exec/compile';
import type { Program } from '../exec/program';
import { type GradCheckTarget, gradientCheck } from '../gradcheck/gradcheck';
import type { AttrValue, Dataset, Graph, GraphEdge, GraphNode, InitSpec, Problem } from '../graph/types';
import { lookupOp } from '../ops/registry';
import type { AnyOpDef } from '../ops/types';
import { seededRandom } from '../tensor/random';
import { type Shape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';

/** A literal tensor for one port; `requiresGrad` overrides the port's default leaf kind. */
export interface Lit {
  readonly shape: Shape;
  readonly data: ArrayLike<number>;
  readonly requiresGrad?: boolean;
}

/** One op call: its name, attributes, a literal per connected port (omit a port to leave it unconnected), and own parameters. */
export interface OpCall {
  readonly op: string;
  readonly attrs?: Readonly<Record<string, AttrValue>>;
  readonly inputs: Readonly<Record<string, Lit>>;
  readonly params?: Readonly<Record<string, Tensor>>;
  readonly init?: InitSpec;
}

/** Id of the op under test in harness graphs. */
export const OP_ID = 'op';

/** Id of the leaf that feeds `port` in harness graphs. */
export const leafId = (port: string): string => `leaf:${port}`;

/** A literal from a shape and values, e.g. `lit([2], [1, -2])`. */
export function lit(shape: Shape, data: ArrayLike<number>, requiresGrad?: boolean): Lit {
  return { shape, data, requiresGrad };
}

function opDef(name: string): AnyOpDef {
  const def = lookupOp(name);
  if (!def || def.kind !== 'op') throw new Error(`harness: '${name}' is not an op`);
  return def;
}

/** The graph `leaves → op` (no loss): differentiable ports get `input` leaves with requiresGrad, the others `constant` leaves. */
export function opGraph(call: OpCall): Graph {
  const def = opDef(call.op);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const port of def.inputs) {
    const l = call.inputs[port.name];
    if (!l) continue;
    const grad = l.requiresGrad ?? port.differentiable !== false;
    const value = { type: 'tensor' as const, shape: [...l.shape], data: Array.from(l.data) };
    nodes.push(grad ? { id: leafId(port.name), op: 'input', value, requiresGrad: true } : { id: leafId(port.name), op: 'constant', value });
    edges.push({ source: leafId(port.name), target: OP_ID, targetPort: port.name });
  }
  for (const name of Object.keys(call.inputs)) {
    if (!def.inputs.some((p) => p.name === name)) throw new Error(`harness: ${call.op} has no port '${name}'`);
  }
  nodes.push({ id: OP_ID, op: call.op, attrs: call.attrs, params: call.params, init: call.init });
  return { nodes, edges };
}

/** Compiles `leaves → op` with the engine; the result holds shape problems and the op's shape. */
export function compileOp(call: OpCall): CompileResult {
  return compile(opGraph(call));
}

/** The compile errors (severity 'error') of `leaves → op`. */
export function opErrors(call: OpCall): Problem[] {
  return compileOp(call).problems.filter((p) => p.severity === 'error');
}

function mustCompile(graph: Graph, what: string): Program {
  const r = compile(graph);
  if (!r.program) throw new Error(`harness: ${what} did not compile: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.program;
}

/** Runs the op forward and returns a copy of its output. */
export function runOp(call: OpCall): Tensor {
  const program = mustCompile(opGraph(call), call.op);
  program.forward();
  const y = program.value(OP_ID);
  return { shape: [...y.shape], data: y.data.slice() };
}

/** Fixed pseudo-random loss weights of magnitude 0.5..1.5 with random signs, so upstream gradients are not all ones. */
export function lossWeights(n: number, seed = 7): number[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => (rand() < 0.5 ? -1 : 1) * (0.5 + rand()));
}

/** The graph `leaves → op → mul(op, constant w) → sum → loss`, with w from lossWeights. */
export function lossGraph(call: OpCall, seed = 7): Graph {
  const shape = compileOp(call).shapes.get(OP_ID);
  if (!shape) throw new Error(`harness: ${call.op} has no output shape: ${opErrors(call).map((p) => p.message).join('; ')}`);
  const g = opGraph(call);
  return {
    nodes: [
      ...g.nodes,
      { id: 'w', op: 'constant', value: { type: 'tensor', shape: [...shape], data: lossWeights(sizeOf(shape), seed) } },
      { id: 'wy', op: 'mul' },
      { id: 'loss', op: 'sum' },
    ],
    edges: [
      ...g.edges,
      { source: OP_ID, target: 'wy', targetPort: 'a' },
      { source: 'w', target: 'wy', targetPort: 'b' },
      { source: 'wy', target: 'loss', targetPort: 'x' },
    ],
    loss: 'loss',
  };
}

/** Compiles lossGraph(call); throws with the problems if it does not compile. */
export function compileLoss(call: OpCall, seed = 7): Program {
  return mustCompile(lossGraph(call, seed), `${call.op} with a loss`);
}

/** Tolerances of the gradient comparison: |autodiff − numeric| ≤ atol + rtol·max(|autodiff|, |numeric|). */
export interface GradTolerance {
  readonly h?: number;
  readonly rtol?: number;
  readonly atol?: number;
  readonly seed?: number;
}

/** Compares autodiff with (f(x+h) − f(x−h))/2h (engine gradientCheck) for each grad leaf and own parameter; lists mismatching elements. */
export function gradientMismatches(call: OpCall, { h = 1e-6, rtol = 1e-6, atol = 1e-8, seed = 7 }: GradTolerance = {}): string[] {
  const program = compileLoss(call, seed);
  const targets: GradCheckTarget[] = [
    ...program.slots.filter((s) => s.isLeaf && s.grad && s.id !== 'w').map((s) => ({ node: s.id })),
    ...program.params.filter((p) => p.node === OP_ID).map((p) => ({ node: p.node, param: p.name })),
  ];
  if (targets.length === 0) return [`${call.op}: nothing to check`];
  const out: string[] = [];
  for (const target of targets) {
    const { analytic, numeric } = gradientCheck(program, target, h);
    for (let i = 0; i < analytic.length; i++) {
      const a = analytic[i];
      const n = numeric[i];
      if (!(Math.abs(a - n) <= atol + rtol * Math.max(Math.abs(a), Math.abs(n)))) {
        out.push(`${target.node}${target.param ? `.${target.param}` : ''}[${i}]: autodiff ${a}, numeric ${n}`);
      }
    }
  }
  return out;
}

/** The value of a single leaf node after compiling it alone (datasets for `columns` bindings). */
export function leafValue(node: GraphNode, datasets?: Record<string, Dataset>, batchRows?: number): Tensor {
  const r = compile({ nodes: [node], edges: [], datasets }, { batchRows });
  if (!r.program) throw new Error(r.problems.map((p) => p.message).join('; '));
  const v = r.program.value(node.id);
  return { shape: [...v.shape], data: v.data.slice() };
}

/** Shapes of rank minRank..maxRank (default 0..4) with lengths 1..maxLen (default 3). */
export function shapeArb({ minRank = 0, maxRank = 4, maxLen = 3 } = {}): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: maxLen }), { minLength: minRank, maxLength: maxRank });
}

/** Two shapes that broadcast together: trailing parts of one shape (rank 0..4), some lengths set to 1. */
export function broadcastPairArb({ maxRank = 4, maxLen = 3 } = {}): fc.Arbitrary<[number[], number[]]> {
  const side = (full: number[]) =>
    fc
      .tuple(fc.integer({ min: 0, max: full.length }), fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }))
      .map(([rank, ones]) => full.slice(full.length - rank).map((d, i) => (ones[i] ? 1 : d)));
  return shapeArb({ maxRank, maxLen }).chain((full) => fc.tuple(side(full), side(full)));
}

/** Finite values in [min, max]. */
export function realArb(min = -2, max = 2): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values with min ≤ |v| ≤ max and either sign (away from a kink or pole at 0). */
export function awayFromZeroArb(min = 0.1, max = 2): fc.Arbitrary<number> {
  return fc.tuple(realArb(min, max), fc.boolean()).map(([v, neg]) => (neg ? -v : v));
}

/** A literal of the given shape with values from `values`. */
export function litArb(shape: Shape, values: fc.Arbitrary<number> = realArb(), requiresGrad?: boolean): fc.Arbitrary<Lit> {
  const n = sizeOf(shape);
  return fc.array(values, { minLength: n, maxLength: n }).map((data) => lit(shape, data, requiresGrad));
}

/** A random-shape literal (shapeArb options) with values from `values`. */
export function randomLitArb(values: fc.Arbitrary<number> = realArb(), shape: Parameters<typeof shapeArb>[0] = {}): fc.Arbitrary<Lit> {
  return shapeArb(shape).chain((s) => litArb(s, values));
}

/** Two literals whose shapes broadcast together (broadcastPairArb), with values from `a` and `b`. */
export function broadcastLitsArb(a: fc.Arbitrary<number> = realArb(), b: fc.Arbitrary<number> = a): fc.Arbitrary<[Lit, Lit]> {
  return broadcastPairArb().chain(([sa, sb]) => fc.tuple(litArb(sa, a), litArb(sb, b)));
}

/** fast-check run settings shared by the op tests: fixed seed, modest number of runs. */
export const FC_PARAMS = { seed: 20240601, numRuns: 30 } as const;
