import { compile, createOptimizer, type Dtype, type Graph, type GraphEdge, type GraphNode, type Optimizer, type Program } from '../engine/index';
import type { ChainWorkload, MlpWorkload, Workload } from './workloads';

/** The engine set up for one workload: a compiled program, its optimizer (none for a chain) and one step. */
export interface EngineRun {
  readonly program: Program;
  readonly optimizer: Optimizer | null;
  /** One training step: zero grads, forward, backward, and the SGD update when there is an optimizer. */
  readonly step: () => void;
}

/** The engine graph of a regression workload: x → linear → square → … → linear → mse(·, y). */
export function mlpGraph(w: MlpWorkload): Graph {
  const nIn = w.layers[0].inFeatures;
  const nodes: GraphNode[] = [
    { id: 'x', op: 'input', value: { type: 'tensor', shape: [w.rows, nIn], data: Array.from(w.x) } },
    { id: 'y', op: 'input', value: { type: 'tensor', shape: [w.rows, 1], data: Array.from(w.y) } },
  ];
  const edges: GraphEdge[] = [];
  let prev = 'x';
  w.layers.forEach((l, i) => {
    const id = `linear${i}`;
    nodes.push({
      id,
      op: 'linear',
      attrs: { inFeatures: l.inFeatures, outFeatures: l.outFeatures },
      params: {
        weight: { shape: [l.outFeatures, l.inFeatures], data: l.weight.slice() },
        bias: { shape: [l.outFeatures], data: l.bias.slice() },
      },
    });
    edges.push({ source: prev, target: id, targetPort: 'x' });
    prev = id;
    if (i < w.layers.length - 1) {
      nodes.push({ id: `square${i}`, op: 'square' });
      edges.push({ source: prev, target: `square${i}`, targetPort: 'x' });
      prev = `square${i}`;
    }
  });
  nodes.push({ id: 'loss', op: 'mse' });
  edges.push({ source: prev, target: 'loss', targetPort: 'input' }, { source: 'y', target: 'loss', targetPort: 'target' });
  return { nodes, edges, loss: 'loss' };
}

/** The engine graph of a chain workload: a scalar input with requiresGrad, then square, scale, add (b unconnected) in turn. */
export function chainGraph(w: ChainWorkload): Graph {
  const nodes: GraphNode[] = [{ id: 'x', op: 'input', requiresGrad: true, value: { type: 'tensor', shape: [], data: [w.start] } }];
  const edges: GraphEdge[] = [];
  let prev = 'x';
  for (let i = 0; i < w.length; i++) {
    const id = `n${i}`;
    const phase = i % 3;
    if (phase === 0) nodes.push({ id, op: 'square' });
    else if (phase === 1) nodes.push({ id, op: 'scale', attrs: { k: w.k } });
    else nodes.push({ id, op: 'add', attrs: { c: w.c } });
    edges.push({ source: prev, target: id, targetPort: phase === 2 ? 'a' : 'x' });
    prev = id;
  }
  return { nodes, edges, loss: prev };
}

/** Compiles the workload's graph once (in float64, or float32 as PyTorch's default) and binds a step to it: the compiled step, or the interpreter's with `interpreted`. */
export function createEngineRun(w: Workload, dtype: Dtype = 'float64', interpreted = false): EngineRun {
  const result = compile({ ...(w.kind === 'mlp' ? mlpGraph(w) : chainGraph(w)), dtype });
  const program = result.program;
  if (!program) throw new Error(`${w.id}: ${result.problems.map((p) => p.message).join('; ')}`);
  // The step the trainer runs: the program's generated functions (or the interpreter, where
  // asked). Each kind of step is a function literal of its own, so that V8 does not compile one
  // shared closure for both (the interpreter's run would then make the compiled step's calls
  // polymorphic).
  const compiled = interpreted ? null : program.compiled();
  if (w.kind === 'chain') {
    const step = compiled
      ? () => {
          program.zeroGrad();
          compiled.forwardBackward();
        }
      : () => {
          program.zeroGrad();
          program.forward();
          program.backward();
        };
    return { program, optimizer: null, step };
  }
  const optimizer = createOptimizer({ type: 'sgd', lr: w.lr }, program.params, [], dtype);
  const step = compiled
    ? () => {
        optimizer.zeroGrad();
        compiled.forwardBackward();
        optimizer.step();
      }
    : () => {
        optimizer.zeroGrad();
        program.forward();
        program.backward();
        optimizer.step();
      };
  return { program, optimizer, step };
}
