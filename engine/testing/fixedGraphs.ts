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

/**
 * Graphs with ties and NaN along an axis: torch.max(x, dim) sends each slice's gradient to the
 * first maximum only, and torch.argmax picks the same index (its output requires no grad).
 */
export function axisTieGraphs(): NamedGraph[] {
  const ties = [1, 3, 3, 0, 2, 2, 2, 2, -1, 5, 5, -1];
  return [
    {
      name: 'max along axis 1 with tied maxima',
      graph: {
        nodes: [leaf('x', 'input', [3, 4], ties, true), { id: 'm', op: 'max', attrs: { axis: 1 } }, leaf('w', 'constant', [3], [0.5, -1.5, 2]), { id: 'wm', op: 'mul' }, { id: 'L', op: 'sum' }],
        edges: [...feed('m', { x: 'x' }), ...feed('wm', { a: 'm', b: 'w' }), ...feed('L', { x: 'wm' })],
        loss: 'L',
      },
    },
    {
      name: 'max along axis 0 with keepdim, ties down the columns',
      graph: {
        nodes: [param('p', [3, 4], ties), { id: 'm', op: 'max', attrs: { axis: 0, keepdim: true } }, { id: 's', op: 'square' }, { id: 'L', op: 'sum' }],
        edges: [...feed('m', { x: 'p' }), ...feed('s', { x: 'm' }), ...feed('L', { x: 's' })],
        loss: 'L',
      },
    },
    {
      name: 'max along the last axis of relu outputs that are all 0, keepdim with no axis',
      graph: {
        nodes: [
          param('p', [2, 3], [-0.5, -1.2, -0.3, 0.4, -2, 0.4]),
          { id: 'r', op: 'relu' },
          { id: 'm', op: 'max', attrs: { axis: -1 } },
          { id: 'k', op: 'max', attrs: { keepdim: true } },
          { id: 's', op: 'sum' },
          { id: 'sk', op: 'add' },
          { id: 'L', op: 'sum' },
        ],
        edges: [...feed('r', { x: 'p' }), ...feed('m', { x: 'r' }), ...feed('s', { x: 'm' }), ...feed('k', { x: 'r' }), ...feed('sk', { a: 's', b: 'k' }), ...feed('L', { x: 'sk' })],
        loss: 'L',
      },
    },
    {
      name: 'argmax along each axis and flattened, with ties, feeding arithmetic',
      graph: {
        nodes: [
          leaf('x', 'input', [3, 4], ties, true),
          { id: 'a1', op: 'argmax', attrs: { axis: 1 } },
          { id: 'a0', op: 'argmax', attrs: { axis: 0, keepdim: true } },
          { id: 'af', op: 'argmax' },
          { id: 'm', op: 'max', attrs: { axis: 1 } },
          { id: 'ma', op: 'mul' },
          { id: 's1', op: 'sum' },
          { id: 's0', op: 'sum' },
          { id: 't', op: 'add' },
          { id: 'u', op: 'add' },
          { id: 'L', op: 'add' },
        ],
        edges: [
          ...feed('a1', { x: 'x' }),
          ...feed('a0', { x: 'x' }),
          ...feed('af', { x: 'x' }),
          ...feed('m', { x: 'x' }),
          ...feed('ma', { a: 'm', b: 'a1' }),
          ...feed('s1', { x: 'ma' }),
          ...feed('s0', { x: 'a0' }),
          ...feed('t', { a: 's0', b: 'af' }),
          ...feed('u', { a: 's1', b: 't' }),
          ...feed('L', { a: 'u' }),
        ],
        loss: 'L',
      },
    },
  ];
}
