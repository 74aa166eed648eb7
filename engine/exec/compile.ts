import type { Graph, GraphNode, Problem, ProblemCode } from '../graph/types';
import { PROBLEM_REASONS, type ProblemReason } from '../graph/problemReasons';
import { fillReason, type ReasonParams } from '../tensor/reason';
import { lookupOp } from '../ops/registry';
import type { AnyOpDef, Attrs } from '../ops/types';
import { type LeafContext, type LeafDef, LeafError } from '../ops/leafTypes';
import { leafValueShape } from '../ops/input';
import { resolveAttrs } from '../ops/attrs';
import { scratchElements } from './budget';
import { autoLoss } from './lossRule';
import { checkOpParams, resolveOpParams } from './params';
import { findCycle, topologicalOrder } from '../graph/topo';
import { formatCount, MAX_NODES, MAX_TENSOR_ELEMENTS, MAX_TOTAL_ELEMENTS } from '../limits';
import { formatShape, type Shape, ShapeError, sameShape, sizeOf, MAX_RANK } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type NodeSlot, type ParamSlot, Program, roundToFloat32, type Step, type StepInput } from './program';
import type { Dtype } from '../tensor/float32';
/** How to compile: mini-batch buffers and parameters shared with another program. */
export interface CompileOptions {
  /** Dataset-bound inputs hold only this many rows (a mini-batch). */
  readonly batchRows?: number;
  /** Reuse this program's parameter buffers, so several batch sizes train the same tensors. */
  readonly shareParamsWith?: Program;
  /**
   * Build a program over the nodes that are fine even when others have problems (the
   * editor's case: one unwired node should not blank every value on the canvas).
   */
  readonly partial?: boolean;
  /** Find the problems and shapes only, allocating no program (opening a file lists problems before the app compiles it). */
  readonly checkOnly?: boolean;
}

/** What compiling found: every problem, every shape it could infer, and the program if there were no errors (or, with `partial`, over the nodes without problems). */
export interface CompileResult {
  readonly problems: Problem[];
  readonly shapes: Map<string, Shape>;
  readonly program: Program | null;
}

interface Resolved {
  readonly node: GraphNode;
  readonly def: AnyOpDef | LeafDef;
  readonly attrs: Attrs;
  /** Source node id per input port; undefined when unconnected. */
  readonly sources: (string | undefined)[];
}

/** The node a compile step is working on, for the backstop's message. */
interface Cursor {
  node?: string;
}

/** Reports a problem: its code, the sentence's reason and parameters, and the node, port and field it concerns. */
type Report = (code: ProblemCode, reason: ProblemReason, params: ReasonParams, node?: string, port?: string, field?: string) => void;

/** A problem, told in English from its reason and parameters. */
function problem(code: ProblemCode, reason: ProblemReason, params: ReasonParams, severity: Problem['severity'], node?: string, port?: string, field?: string): Problem {
  return { code, reason, params, message: fillReason(PROBLEM_REASONS[reason], params), node, port, field, severity };
}

/**
 * Validates a graph, orders it, infers shapes, checks the size limits and allocates every
 * buffer once. Never throws: every problem, expected or not, comes back on the node it concerns.
 */
export function compile(graph: Graph, options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const shapes = new Map<string, Shape>();
  const cursor: Cursor = {};
  try {
    return compileGraph(graph, options, problems, shapes, cursor);
  } catch {
    // The backstop: known failures are problems already; anything else must still not blank the page.
    const node = cursor.node;
    problems.push(node === undefined ? problem('unexpected', 'unexpected_graph', {}, 'error') : problem('unexpected', 'unexpected_node', { node }, 'error', node));
    return { problems, shapes, program: null };
  }
}

function compileGraph(graph: Graph, options: CompileOptions, problems: Problem[], shapes: Map<string, Shape>, cursor: Cursor): CompileResult {
  const err: Report = (code, reason, params, node, port, field) => problems.push(problem(code, reason, params, 'error', node, port, field));
  if (graph.nodes.length > MAX_NODES) {
    err('too_large', 'too_many_nodes', { count: formatCount(graph.nodes.length), limit: formatCount(MAX_NODES) });
    return { problems, shapes, program: null };
  }

  // Nodes, ops and attributes.
  const resolved = new Map<string, Resolved>();
  const badAttrs = new Set<string>();
  for (const node of graph.nodes) {
    cursor.node = node.id;
    if (resolved.has(node.id)) {
      err('duplicate_id', 'duplicate_id', { node: node.id }, node.id);
      continue;
    }
    const def = lookupOp(node.op);
    if (!def) {
      err('unknown_op', 'unknown_op', { node: node.id, op: node.op }, node.id);
      continue;
    }
    let attrs: Attrs = {};
    if (def.kind === 'op') {
      const r = resolveAttrs(def.attrs, node.attrs);
      attrs = r.attrs;
      for (const e of r.errors) err('bad_attribute', `attr.${e.reason}`, { ...e.params, node: node.id, attr: e.name }, node.id, e.name);
      if (r.errors.length > 0) badAttrs.add(node.id);
    }
    const ports = def.kind === 'op' ? def.inputs.length : 0;
    resolved.set(node.id, { node, def, attrs, sources: new Array<string | undefined>(ports) });
  }

  // Edges: endpoints exist, ports exist, each port fed once.
  const allIds = new Set(graph.nodes.map((n) => n.id));
  const goodEdges = [];
  for (const e of graph.edges) {
    cursor.node = e.target;
    const src = resolved.get(e.source);
    const dst = resolved.get(e.target);
    if (!allIds.has(e.source)) {
      err('dangling_edge', 'dangling_from', { source: e.source }, e.target, e.targetPort);
      continue;
    }
    if (!allIds.has(e.target)) {
      err('dangling_edge', 'dangling_to', { target: e.target }, e.source);
      continue;
    }
    if (!src || !dst) continue;
    const portIndex = dst.def.kind === 'op' ? dst.def.inputs.findIndex((p) => p.name === e.targetPort) : -1;
    if (portIndex < 0) {
      err('unknown_port', 'unknown_port', { node: e.target, op: dst.node.op, port: e.targetPort }, e.target, e.targetPort);
      continue;
    }
    if (dst.sources[portIndex] !== undefined) {
      err('port_fed_twice', 'port_fed_twice', { node: e.target, port: e.targetPort, first: dst.sources[portIndex] as string, second: e.source }, e.target, e.targetPort);
      continue;
    }
    dst.sources[portIndex] = e.source;
    goodEdges.push(e);
  }
  for (const r of resolved.values()) {
    if (r.def.kind !== 'op') continue;
    r.def.inputs.forEach((p, i) => {
      if (r.sources[i] === undefined && !p.fallbackAttr) {
        err('missing_input', 'missing_input', { node: r.node.id, port: p.name }, r.node.id, p.name);
      }
    });
  }

  // Order, cycles.
  cursor.node = undefined;
  const ids = [...resolved.keys()];
  const { order, cyclic } = topologicalOrder(ids, goodEdges);
  if (cyclic.length > 0) {
    const cycle = findCycle(cyclic, goodEdges);
    err('cycle', 'cycle', { cycle: cycle.join(' → ') }, cycle[0]);
  }

  // Shapes, in order, checked against the limits; nothing is allocated yet. A node whose inputs failed is skipped quietly.
  const leafCtx: LeafContext = { datasets: graph.datasets ?? {}, batchRows: options.batchRows };
  for (const id of order) {
    cursor.node = id;
    const r = resolved.get(id) as Resolved;
    const shape = r.def.kind === 'leaf' ? leafShape(r, leafCtx, err) : opShape(r, shapes, badAttrs.has(id), err);
    if (shape) shapes.set(id, shape);
  }

  // The loss.
  cursor.node = undefined;
  const inferred = graph.loss === undefined ? autoLoss(graph, shapes) : undefined;
  if (graph.loss === undefined) {
    if (inferred === undefined) problems.push(problem('no_loss', 'no_loss', {}, 'warning'));
  } else if (!resolved.has(graph.loss)) {
    err('unknown_loss', 'unknown_loss', { node: graph.loss }, graph.loss);
  } else {
    const s = shapes.get(graph.loss);
    if (s && s.length !== 0) err('loss_not_scalar', 'loss_not_scalar', { node: graph.loss, shape: formatShape(s) }, graph.loss);
  }

  // A node has a shape only when it and everything it reads are fine, so the shaped nodes form a valid graph.
  const fine = order.filter((id) => shapes.has(id));
  const requiresGrad = gradientFlags(fine, resolved);
  const total = programElements(fine, resolved, shapes, requiresGrad, leafCtx);
  if (total > MAX_TOTAL_ELEMENTS) {
    err('too_large', 'too_many_total', { count: formatCount(total), limit: formatCount(MAX_TOTAL_ELEMENTS) });
    return { problems, shapes, program: null };
  }
  const failed = problems.some((p) => p.severity === 'error');
  if ((failed && !options.partial) || options.checkOnly) return { problems, shapes, program: null };

  // Values, now that every size is known to fit.
  const leafValues = new Map<string, Tensor>();
  const paramValues = new Map<string, Tensor[]>();
  for (const id of fine) {
    cursor.node = id;
    const r = resolved.get(id) as Resolved;
    if (r.def.kind === 'leaf') leafValues.set(id, r.def.value(r.node, leafCtx));
    else if (r.def.params) paramValues.set(id, resolveOpParams(r.node, r.def, r.attrs));
  }
  const loss = graph.loss !== undefined && shapes.get(graph.loss)?.length === 0 ? graph.loss : inferred;
  return { problems, shapes, program: build(fine, resolved, shapes, leafValues, paramValues, requiresGrad, loss, options, cursor, graph.dtype ?? 'float64') };
}

/** A leaf's shape, or undefined after reporting why it has none. */
function leafShape(r: Resolved, ctx: LeafContext, err: Report): Shape | undefined {
  const def = r.def as LeafDef;
  const id = r.node.id;
  try {
    return def.shape ? def.shape(r.node, ctx) : leafValueShape(r.node.value, ctx);
  } catch (e) {
    if (e instanceof LeafError) err(e.tooLarge ? 'too_large' : 'bad_value', `leaf.${e.reason}`, { ...e.params, node: id }, id, undefined, e.field);
    else if (e instanceof ShapeError) err('bad_value', `shape.${e.reason}`, { ...e.params, node: id, op: def.name }, id);
    else err('unexpected', 'unexpected_node', { node: id }, id);
    return undefined;
  }
}

/** An op's output shape, with its own parameters checked, or undefined after reporting why it has none. */
function opShape(r: Resolved, shapes: ReadonlyMap<string, Shape>, badAttrs: boolean, err: Report): Shape | undefined {
  const def = r.def as AnyOpDef;
  const id = r.node.id;
  if (badAttrs) return undefined;
  // Parameters depend on the attributes alone, so they are checked even while an input is missing.
  const issues = def.params ? checkOpParams(r.node, def.params(r.attrs)) : [];
  for (const issue of issues) err(issue.code, `param.${issue.reason}`, { ...issue.params, node: id, op: def.name }, id, undefined, issue.field);
  const inShapes: Shape[] = [];
  for (let i = 0; i < def.inputs.length; i++) {
    const src = r.sources[i];
    if (src === undefined && def.inputs[i].fallbackAttr) inShapes.push([]);
    else if (src !== undefined && shapes.has(src)) inShapes.push(shapes.get(src) as Shape);
    else return undefined;
  }
  let shape: Shape;
  try {
    shape = def.shape(inShapes, r.attrs);
  } catch (e) {
    if (e instanceof ShapeError) err('shape_mismatch', `shape.${e.reason}`, { ...e.params, node: id, op: def.name }, id);
    else err('unexpected', 'unexpected_op', { node: id, op: def.name }, id);
    return undefined;
  }
  if (shape.length > MAX_RANK) {
    err('shape_mismatch', 'result_rank', { node: id, op: def.name, rank: shape.length, max: MAX_RANK }, id);
    return undefined;
  }
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
    err('unexpected', 'unexpected_op', { node: id, op: def.name }, id);
    return undefined;
  }
  const n = sizeOf(shape);
  if (n > MAX_TENSOR_ELEMENTS) {
    err('too_large', 'result_too_large', { node: id, op: def.name, shape: formatShape(shape), count: formatCount(n), limit: formatCount(MAX_TENSOR_ELEMENTS) }, id);
    return undefined;
  }
  return issues.length > 0 ? undefined : shape;
}

/**
 * Which nodes carry a gradient: leaves that require one, ops with parameters, and everything
 * downstream of them through a differentiable port (argmax's output, like PyTorch's, never does).
 */
function gradientFlags(order: readonly string[], resolved: ReadonlyMap<string, Resolved>): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const id of order) {
    const r = resolved.get(id) as Resolved;
    const def = r.def;
    const needs =
      def.kind === 'leaf'
        ? def.requiresGrad(r.node)
        : (def.params?.(r.attrs).length ?? 0) > 0 ||
          r.sources.some((src, i) => src !== undefined && def.inputs[i].differentiable !== false && flags.get(src) === true);
    flags.set(id, needs);
  }
  return flags;
}

/**
 * Every element the program will hold, counted from the shapes before anything is
 * allocated: values, gradients, the copies a trainable tensor keeps, each op's working
 * buffers (an estimate from above), and the datasets its inputs read.
 */
function programElements(
  order: readonly string[],
  resolved: ReadonlyMap<string, Resolved>,
  shapes: ReadonlyMap<string, Shape>,
  requiresGrad: ReadonlyMap<string, boolean>,
  ctx: LeafContext,
): number {
  let total = 0;
  const datasets = new Set<string>();
  for (const id of order) {
    const r = resolved.get(id) as Resolved;
    const shape = shapes.get(id) as Shape;
    const size = sizeOf(shape);
    const grad = requiresGrad.get(id) === true ? size : 0;
    if (r.def.kind === 'leaf') {
      // A trainable leaf holds its starting value, its slot's value and its gradient.
      total += r.def.trainable ? 3 * size : size + grad;
      const v = r.node.value;
      if (v?.type === 'columns' && !datasets.has(v.dataset) && Object.hasOwn(ctx.datasets, v.dataset)) {
        datasets.add(v.dataset);
        const ds = ctx.datasets[v.dataset];
        total += ds.rows.length * ds.columns.length;
      }
      continue;
    }
    const def = r.def;
    const inShapes = def.inputs.map((_, i) => {
      const src = r.sources[i];
      return src === undefined ? [] : (shapes.get(src) as Shape);
    });
    total += size + grad + scratchElements(inShapes, shape) + (def.scratch?.({ inputs: inShapes, output: shape }) ?? 0);
    for (const spec of def.params ? def.params(r.attrs) : []) total += 3 * sizeOf(spec.shape);
  }
  return total;
}

/** Allocates buffers and binds every step. */
function build(
  order: readonly string[],
  resolved: ReadonlyMap<string, Resolved>,
  shapes: ReadonlyMap<string, Shape>,
  leafValues: ReadonlyMap<string, Tensor>,
  paramValues: ReadonlyMap<string, Tensor[]>,
  requiresGrad: ReadonlyMap<string, boolean>,
  loss: string | undefined,
  options: CompileOptions,
  cursor: Cursor,
  dtype: Dtype,
): Program {
  // The one place the dtype acts: float32 rounds every leaf, parameter and constant to float32
  // and binds each op's float32 kernels.
  const float32 = dtype === 'float32';
  const rounded = (data: Float64Array): Float64Array => {
    if (float32) roundToFloat32(data);
    return data;
  };
  const shared = new Map((options.shareParamsWith?.params ?? []).map((p) => [`${p.node}\u0000${p.name}`, p]));
  const byId = new Map<string, NodeSlot>();
  const slots: NodeSlot[] = [];
  const steps: Step[] = [];
  const params: ParamSlot[] = [];

  const paramSlot = (node: string, name: string, shape: Shape, init: Tensor): ParamSlot => {
    const existing = shared.get(`${node}\u0000${name}`);
    if (existing && sameShape(existing.shape, shape)) return existing;
    return { node, name, shape, value: rounded(init.data.slice()), grad: new Float64Array(sizeOf(shape)) };
  };

  // Intermediate gradients share one buffer that backward zeroes with a single fill
  // (a 10,000-node chain would otherwise make 10,000 calls).
  const arenaSize = order.reduce((n, id) => n + (resolved.get(id)?.def.kind === 'op' && requiresGrad.get(id) ? sizeOf(shapes.get(id) as Shape) : 0), 0);
  const gradArena = new Float64Array(arenaSize);
  let arenaOffset = 0;
  // Op values are laid end to end too, so the compiled step addresses every element of one buffer.
  const valueArena = new Float64Array(order.reduce((n, id) => n + (resolved.get(id)?.def.kind === 'op' ? sizeOf(shapes.get(id) as Shape) : 0), 0));
  let valueOffset = 0;

  for (const id of order) {
    cursor.node = id;
    const r = resolved.get(id) as Resolved;
    const shape = shapes.get(id) as Shape;
    if (r.def.kind === 'leaf') {
      const needsGrad = requiresGrad.get(id) === true;
      let value = float32 ? rounded((leafValues.get(id) as Tensor).data.slice()) : (leafValues.get(id) as Tensor).data;
      let grad: Float64Array | null = needsGrad ? new Float64Array(value.length) : null;
      if (r.def.trainable) {
        const p = paramSlot(id, 'value', shape, leafValues.get(id) as Tensor);
        params.push(p);
        value = p.value;
        grad = p.grad;
      }
      const slot: NodeSlot = { id, def: r.def, shape, value, grad, isLeaf: true };
      slots.push(slot);
      byId.set(id, slot);
      continue;
    }
    const def = r.def;
    const inputs: StepInput[] = def.inputs.map((p, i) => {
      const src = r.sources[i];
      return { port: p.name, source: src === undefined ? null : (byId.get(src) as NodeSlot) };
    });
    const ownParams = (def.params ? def.params(r.attrs) : []).map((spec, i) =>
      paramSlot(id, spec.name, spec.shape, (paramValues.get(id) as Tensor[])[i]),
    );
    params.push(...ownParams);
    const size = sizeOf(shape);
    let grad: Float64Array | null = null;
    if (requiresGrad.get(id)) {
      grad = gradArena.subarray(arenaOffset, arenaOffset + size);
      arenaOffset += size;
    }
    const slot: NodeSlot = { id, def, shape, value: valueArena.subarray(valueOffset, valueOffset + size), grad, isLeaf: false };
    valueOffset += size;
    slots.push(slot);
    byId.set(id, slot);
    const x = inputs.map((inp, i) =>
      inp.source ? inp.source.value : rounded(Float64Array.of(r.attrs[def.inputs[i].fallbackAttr as string] as number)),
    );
    const gx = inputs.map((inp, i) =>
      inp.source && def.inputs[i].differentiable !== false ? inp.source.grad : null,
    );
    const inShapes = inputs.map((inp) => (inp.source ? inp.source.shape : []));
    steps.push({
      slot,
      op: def,
      attrs: r.attrs,
      ctx: def.prepare({ inputs: [...inShapes, ...ownParams.map((p) => p.shape)], output: shape }, r.attrs),
      x: [...x, ...ownParams.map((p) => p.value)],
      gx: [...gx, ...ownParams.map((p) => p.grad)],
      inputs,
      params: ownParams,
      y: slot.value,
      gy: grad,
      forward: float32 ? def.float32.forward : def.forward,
      backward: float32 ? def.float32.backward : def.backward,
    });
  }
  return new Program(slots, steps, params, loss, byId, { values: valueArena, grads: gradArena }, dtype);
}
