import type { Graph, GraphNode, Problem } from '../graph/types';
import { lookupOp } from '../ops/registry';
import type { AnyOpDef, Attrs } from '../ops/types';
import type { LeafDef } from '../ops/leafTypes';
import { resolveAttrs } from '../graph/attrs';
import { findCycle, topologicalOrder } from '../graph/topo';
import { initTensor } from '../graph/init';
import { formatShape, type Shape, ShapeError, sameShape, sizeOf, MAX_RANK } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type NodeSlot, type ParamSlot, Program, type Step, type StepInput } from './program';

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

/** Validates a graph, orders it, infers shapes and allocates every buffer once. */
export function compile(graph: Graph, options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const err = (code: Problem['code'], message: string, node?: string, port?: string) =>
    problems.push({ code, message, node, port, severity: 'error' });

  // Nodes, ops and attributes.
  const resolved = new Map<string, Resolved>();
  const badAttrs = new Set<string>();
  for (const node of graph.nodes) {
    if (resolved.has(node.id)) {
      err('duplicate_id', `two nodes have the id '${node.id}'`, node.id);
      continue;
    }
    const def = lookupOp(node.op);
    if (!def) {
      err('unknown_op', `${node.id}: unknown op '${node.op}'`, node.id);
      continue;
    }
    let attrs: Attrs = {};
    if (def.kind === 'op') {
      const r = resolveAttrs(def.attrs, node.attrs);
      attrs = r.attrs;
      for (const e of r.errors) err('bad_attribute', `${node.id}.${e.name} ${e.message}`, node.id, e.name);
      if (r.errors.length > 0) badAttrs.add(node.id);
    }
    const ports = def.kind === 'op' ? def.inputs.length : 0;
    resolved.set(node.id, { node, def, attrs, sources: new Array<string | undefined>(ports) });
  }

  // Edges: endpoints exist, ports exist, each port fed once.
  const allIds = new Set(graph.nodes.map((n) => n.id));
  const goodEdges = [];
  for (const e of graph.edges) {
    const src = resolved.get(e.source);
    const dst = resolved.get(e.target);
    if (!allIds.has(e.source)) {
      err('dangling_edge', `an edge comes from '${e.source}', which does not exist`, e.target, e.targetPort);
      continue;
    }
    if (!allIds.has(e.target)) {
      err('dangling_edge', `an edge goes to '${e.target}', which does not exist`, e.source);
      continue;
    }
    if (!src || !dst) continue;
    const portIndex = dst.def.kind === 'op' ? dst.def.inputs.findIndex((p) => p.name === e.targetPort) : -1;
    if (portIndex < 0) {
      err('unknown_port', `${e.target} (${dst.node.op}) has no input port '${e.targetPort}'`, e.target, e.targetPort);
      continue;
    }
    if (dst.sources[portIndex] !== undefined) {
      err('port_fed_twice', `${e.target}.${e.targetPort} is fed by both '${dst.sources[portIndex]}' and '${e.source}'`, e.target, e.targetPort);
      continue;
    }
    dst.sources[portIndex] = e.source;
    goodEdges.push(e);
  }
  for (const r of resolved.values()) {
    if (r.def.kind !== 'op') continue;
    r.def.inputs.forEach((p, i) => {
      if (r.sources[i] === undefined && !p.fallbackAttr) {
        err('missing_input', `${r.node.id}.${p.name} is not connected`, r.node.id, p.name);
      }
    });
  }

  // Order, cycles.
  const ids = [...resolved.keys()];
  const { order, cyclic } = topologicalOrder(ids, goodEdges);
  if (cyclic.length > 0) {
    const cycle = findCycle(cyclic, goodEdges);
    err('cycle', `the graph has a cycle: ${cycle.join(' → ')}`, cycle[0]);
  }

  // Shapes and leaf values, in order; a node whose inputs failed is skipped quietly.
  const shapes = new Map<string, Shape>();
  const leafValues = new Map<string, Tensor>();
  const paramValues = new Map<string, Tensor[]>();
  const leafCtx = { datasets: graph.datasets ?? {}, batchRows: options.batchRows };
  for (const id of order) {
    const r = resolved.get(id) as Resolved;
    if (r.def.kind === 'leaf') {
      try {
        const t = r.def.value(r.node, leafCtx);
        leafValues.set(id, t);
        shapes.set(id, t.shape);
      } catch (e) {
        err('bad_value', `${id}: ${(e as Error).message}`, id);
      }
      continue;
    }
    const def = r.def;
    const inShapes: Shape[] = [];
    let ready = true;
    def.inputs.forEach((p, i) => {
      const src = r.sources[i];
      if (src === undefined && p.fallbackAttr) inShapes.push([]);
      else if (src === undefined) ready = false;
      else if (shapes.has(src)) inShapes.push(shapes.get(src) as Shape);
      else ready = false;
    });
    if (!ready || badAttrs.has(id)) continue;
    try {
      const shape = def.shape(inShapes, r.attrs);
      if (shape.length > MAX_RANK) throw new ShapeError(`the result would have rank ${shape.length}, above ${MAX_RANK}`);
      shapes.set(id, shape);
      if (def.params) paramValues.set(id, resolveParams(r.node, def, r.attrs));
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      err('shape_mismatch', `${id} (${def.name}): ${e.message}`, id);
    }
  }

  // The loss.
  if (graph.loss === undefined) {
    problems.push({ code: 'no_loss', message: 'no node is marked as the loss', severity: 'warning' });
  } else if (!resolved.has(graph.loss)) {
    err('unknown_loss', `the loss is '${graph.loss}', which does not exist`, graph.loss);
  } else {
    const s = shapes.get(graph.loss);
    if (s && s.length !== 0) err('loss_not_scalar', `the loss ${graph.loss} must be a scalar, but its shape is ${formatShape(s)}`, graph.loss);
  }

  const failed = problems.some((p) => p.severity === 'error');
  if (failed && !options.partial) return { problems, shapes, program: null };
  // A node has a shape only when it and everything it reads are fine, so the shaped nodes form a valid graph.
  const fine = order.filter((id) => shapes.has(id));
  const loss = graph.loss !== undefined && shapes.get(graph.loss)?.length === 0 ? graph.loss : undefined;
  return { problems, shapes, program: build(fine, resolved, shapes, leafValues, paramValues, loss, options) };
}

/** The current values of an op's own parameters, initialising any that have none. */
function resolveParams(node: GraphNode, def: AnyOpDef, attrs: Attrs): Tensor[] {
  const specs = def.params ? def.params(attrs) : [];
  return specs.map((spec, i) => {
    const current = node.params?.[spec.name];
    if (current && sameShape(current.shape, spec.shape)) return current;
    if (current) {
      throw new ShapeError(`${spec.name} has shape ${formatShape(current.shape)} but ${def.name} needs ${formatShape(spec.shape)}`);
    }
    return initTensor(spec.shape, node.init ?? { type: 'default', seed: 0 }, spec.fanIn, i);
  });
}

/** Allocates buffers and binds every step. */
function build(
  order: readonly string[],
  resolved: ReadonlyMap<string, Resolved>,
  shapes: ReadonlyMap<string, Shape>,
  leafValues: ReadonlyMap<string, Tensor>,
  paramValues: ReadonlyMap<string, Tensor[]>,
  loss: string | undefined,
  options: CompileOptions,
): Program {
  const shared = new Map((options.shareParamsWith?.params ?? []).map((p) => [`${p.node}\u0000${p.name}`, p]));
  const requiresGrad = new Map<string, boolean>();
  const byId = new Map<string, NodeSlot>();
  const slots: NodeSlot[] = [];
  const steps: Step[] = [];
  const params: ParamSlot[] = [];

  const paramSlot = (node: string, name: string, shape: Shape, init: Tensor): ParamSlot => {
    const existing = shared.get(`${node}\u0000${name}`);
    if (existing && sameShape(existing.shape, shape)) return existing;
    return { node, name, shape, value: init.data.slice(), grad: new Float64Array(sizeOf(shape)) };
  };

  // Which nodes carry a gradient, so intermediate gradients can share one buffer that backward
  // zeroes with a single fill (a 10,000-node chain would otherwise make 10,000 calls).
  for (const id of order) {
    const r = resolved.get(id) as Resolved;
    const needs =
      r.def.kind === 'leaf'
        ? r.def.requiresGrad(r.node)
        : (r.def.params?.(r.attrs).length ?? 0) > 0 || r.sources.some((src) => src !== undefined && requiresGrad.get(src) === true);
    requiresGrad.set(id, needs);
  }
  const arenaSize = order.reduce((n, id) => n + (resolved.get(id)?.def.kind === 'op' && requiresGrad.get(id) ? sizeOf(shapes.get(id) as Shape) : 0), 0);
  const gradArena = new Float64Array(arenaSize);
  let arenaOffset = 0;

  for (const id of order) {
    const r = resolved.get(id) as Resolved;
    const shape = shapes.get(id) as Shape;
    if (r.def.kind === 'leaf') {
      const needsGrad = requiresGrad.get(id) === true;
      let value = (leafValues.get(id) as Tensor).data;
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
    const slot: NodeSlot = { id, def, shape, value: new Float64Array(size), grad, isLeaf: false };
    slots.push(slot);
    byId.set(id, slot);
    const x = inputs.map((inp, i) =>
      inp.source ? inp.source.value : Float64Array.of(r.attrs[def.inputs[i].fallbackAttr as string] as number),
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
      forward: def.forward,
      backward: def.backward,
    });
  }
  return new Program(slots, steps, params, loss, byId, gradArena);
}
