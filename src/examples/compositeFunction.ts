import type { Graph } from '../../engine';

/**
 * The composite function of the PyTorch course: y = 2x² + 2 over
 * x = arange(-2, 2.1, 0.25), with z = sum(y) as the loss, so backward gives x.grad = 4x.
 * PyTorch: `x = torch.arange(-2, 2.1, 0.25, dtype=torch.float64, requires_grad=True);
 * y = 2 * x**2 + 2; z = y.sum(); z.backward()`.
 */
export const compositeFunction: Graph = {
  nodes: [
    {
      id: 'x',
      op: 'input',
      label: 'x',
      value: { type: 'arange', start: -2, end: 2.1, step: 0.25 },
      requiresGrad: true,
    },
    { id: 'square', op: 'square', label: 'x²' },
    { id: 'scale', op: 'scale', label: '2x²', attrs: { k: 2 } },
    { id: 'y', op: 'add', label: 'y = 2x² + 2', attrs: { c: 2 } },
    { id: 'z', op: 'sum', label: 'z = Σ y' },
  ],
  edges: [
    { source: 'x', target: 'square', targetPort: 'x' },
    { source: 'square', target: 'scale', targetPort: 'x' },
    { source: 'scale', target: 'y', targetPort: 'a' },
    { source: 'y', target: 'z', targetPort: 'x' },
  ],
  loss: 'z',
};
