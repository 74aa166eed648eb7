import type { GraphEdge, GraphNode } from '../graph/types';
import type { NamedGraph } from './randomGraph';

/** A tensor-valued input or constant leaf. */
export function leaf(id: string, op: 'input' | 'constant', shape: number[], data: number[], requiresGrad = false): GraphNode {
  return { id, op, value: { type: 'tensor', shape, data }, ...(requiresGrad ? { requiresGrad } : {}) };
}

/** A parameter leaf with explicit values. */
export function param(id: string, shape: number[], data: number[]): GraphNode {
  return { id, op: 'parameter', shape, params: { value: { shape, data: Float64Array.from(data) } } };
}

/** Edges feeding `target` from `sources`, port by port. */
export function feed(target: string, ports: Record<string, string>): GraphEdge[] {
  return Object.entries(ports).map(([targetPort, source]) => ({ source, target, targetPort }));
}

/**
 * Graphs where max() has tied maxima: torch.max() (full reduction) splits the gradient
 * evenly among them. Ties within a tensor, after relu (all zeros), and across a broadcast.
 */
export function maxTieGraphs(): NamedGraph[] {
  return [
    {
      name: 'max with three tied maxima',
      graph: {
        nodes: [leaf('x', 'input', [2, 3], [0.5, 2, -1, 2, 2, 1.5], true), { id: 'm', op: 'max' }, { id: 'L', op: 'scale', attrs: { k: 3 } }],
        edges: [...feed('m', { x: 'x' }), ...feed('L', { x: 'm' })],
        loss: 'L',
      },
    },
    {
      name: 'max of relu outputs that are all 0',
      graph: {
        nodes: [param('p', [4], [-0.5, -1.2, -0.3, -2]), { id: 'r', op: 'relu' }, { id: 'm', op: 'max' }, { id: 's', op: 'sum' }, { id: 'L', op: 'add' }],
        edges: [...feed('r', { x: 'p' }), ...feed('m', { x: 'r' }), ...feed('s', { x: 'p' }), ...feed('L', { a: 'm', b: 's' })],
        loss: 'L',
      },
    },
    {
      name: 'max tied across a broadcast add',
      graph: {
        nodes: [param('a', [1, 3], [1, 3, 2]), param('b', [2, 1], [0.5, 0.5]), { id: 'y', op: 'add' }, { id: 'm', op: 'max' }, { id: 'L', op: 'mul', attrs: { c: -2 } }],
        edges: [...feed('y', { a: 'a', b: 'b' }), ...feed('m', { x: 'y' }), ...feed('L', { a: 'm' })],
        loss: 'L',
      },
    },
    {
      name: 'max of a constant tensor',
      graph: {
        nodes: [leaf('x', 'input', [2, 2], [1, 1, 1, 1], true), { id: 'm', op: 'max' }, { id: 'L', op: 'exp' }],
        edges: [...feed('m', { x: 'x' }), ...feed('L', { x: 'm' })],
        loss: 'L',
      },
    },
  ];
}
