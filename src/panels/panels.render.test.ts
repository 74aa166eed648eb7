import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { FileNode, GraphFile } from '../../engine';
import { Session } from '../session/Session';
import { WorkspaceContext } from '../session/useSession';
import { createRecentStore } from '../shell/recentStore';
import { emptyDocument } from '../store/edits';
import { Inspector, preloadNodeInspector } from './Inspector';
import { Palette } from './Palette';
import { MAX_CELLS } from './TensorEditor';
import { MAX_COLS } from './TensorTable';

// Rendering to a string needs no DOM: it checks what each kind of node shows and that the
// test ids and labels the e2e tests rely on are there. Interaction is covered in e2e.
// On the server zustand renders a store's initial state, so the session is drawn through a
// view of it whose store starts at the session's state now.
function render(session: Session, element: ReturnType<typeof createElement>): string {
  const view = Object.create(session, { store: { value: createStore(() => session.state) } }) as Session;
  const ws = { session: view, recent: createRecentStore(), flush: () => undefined };
  return renderToStaticMarkup(createElement(WorkspaceContext.Provider, { value: ws }, element));
}

const at = { x: 0, y: 0 };
const composite: GraphFile = {
  ...emptyDocument(),
  nodes: [
    { id: 'x', op: 'input', position: at, value: { type: 'arange', start: -2, end: 2.1, step: 0.25 }, requiresGrad: true },
    { id: 'sq', op: 'square', position: at },
    { id: 'k', op: 'scale', position: at, attrs: { k: 2 } },
    { id: 'y', op: 'add', position: at, attrs: { c: 2 } },
    { id: 'z', op: 'sum', position: at },
    { id: 'w', op: 'parameter', position: at, shape: [2], init: { type: 'uniform', low: -1, high: 1, seed: 1 } },
    { id: 'c', op: 'constant', position: at, value: { type: 'tensor', shape: [2, 2], data: [1, 2, 3, 4] } },
  ] satisfies FileNode[],
  edges: [
    { source: 'x', target: 'sq', targetPort: 'x' },
    { source: 'sq', target: 'k', targetPort: 'x' },
    { source: 'k', target: 'y', targetPort: 'a' },
    { source: 'y', target: 'z', targetPort: 'x' },
  ],
  loss: 'z',
};

const layer: GraphFile = {
  ...emptyDocument(),
  nodes: [
    { id: 'data', op: 'constant', position: at, value: { type: 'tensor', shape: [3, 1], data: [1, 2, 3] } },
    { id: 'lin', op: 'linear', position: at, attrs: { inFeatures: 1, outFeatures: 2 }, init: { type: 'default', seed: 0 } },
    { id: 'loss', op: 'sum', position: at },
  ],
  edges: [
    { source: 'data', target: 'lin', targetPort: 'x' },
    { source: 'lin', target: 'loss', targetPort: 'x' },
  ],
  loss: 'loss',
};

function inspect(id: string | string[], doc = composite): string {
  const session = new Session({ doc, selection: Array.isArray(id) ? id : [id] });
  session.backward();
  return render(session, createElement(Inspector));
}

const testIds = (html: string) => [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);
const dataValue = (html: string, testid: string) => JSON.parse((html.match(new RegExp(`data-testid="${testid}"[^>]*data-value="([^"]*)"`)) ?? ['', '[]'])[1].replace(/&quot;/g, '"'));

describe('panels render', () => {
  // The node editors download on first use: here, before the first render, as when a pointer reaches the canvas.
  beforeAll(() => preloadNodeInspector());

  it('Inspector with nothing selected shows the hint, with several the count', () => {
    expect(testIds(inspect([]))).toContain('inspector.empty');
    expect(inspect(['x', 'z'])).toContain('2 nodes selected');
  });

  it('Inspector on an arange input shows source, range fields, requires_grad, and x.grad = 4x after backward', () => {
    const html = inspect('x');
    const ids = testIds(html);
    for (const id of ['inspector', 'inspector.label', 'inspector.id', 'inspector.source', 'inspector.arange.start', 'inspector.arange.end', 'inspector.arange.step', 'inspector.requiresGrad', 'inspector.useAsLoss', 'inspector.value', 'inspector.grad']) {
      expect(ids, id).toContain(id);
    }
    expect(html).toContain('17 values');
    const x = dataValue(html, 'inspector.value') as number[];
    expect(x).toHaveLength(17);
    expect(dataValue(html, 'inspector.grad')).toEqual(x.map((v) => 4 * v));
  });

  it('Inspector on add shows c with the note that it applies only while b is unconnected', () => {
    const html = inspect('y');
    expect(testIds(html)).toContain('inspector.attr.c');
    expect(html).toContain('value="2"');
    expect(html).toContain('Used only while port b is unconnected.');
  });

  it('Inspector on sum shows an empty axis (all) and the keepdim checkbox; the loss toggle is on', () => {
    const html = inspect('z');
    expect(html).toMatch(/data-testid="inspector.attr.axis"[^>]* value=""/);
    expect(testIds(html)).toContain('inspector.attr.keepdim');
    expect(html).toMatch(/data-testid="inspector.useAsLoss"[^>]* checked=""/);
  });

  it('Inspector on a parameter shows shape, value cells, paste, initialiser and a disabled Re-initialise', () => {
    const html = inspect('w');
    const ids = testIds(html);
    for (const id of ['inspector.shape', 'inspector.cell.0', 'inspector.cell.1', 'inspector.paste', 'inspector.init.type', 'inspector.init.low', 'inspector.init.seed', 'inspector.reinit']) {
      expect(ids, id).toContain(id);
    }
    expect(html).toMatch(/data-testid="inspector.reinit"[^>]* disabled=""/);
  });

  it('Inspector on linear shows features, weight and bias tables, and their values and grads', () => {
    const html = inspect('lin', layer);
    const ids = testIds(html);
    for (const id of ['inspector.attr.inFeatures', 'inspector.attr.outFeatures', 'inspector.weight.cell.1', 'inspector.bias.cell.1', 'inspector.weight.paste', 'inspector.init.type']) {
      expect(ids, id).toContain(id);
    }
    expect(ids).not.toContain('inspector.weight.shape');
    // loss = Σ (x Wᵀ + b) over 3 rows: bias.grad = 3 for each output, weight.grad = Σ x = 6.
    expect(dataValue(html, 'inspector.param.bias.grad')).toEqual([3, 3]);
    expect(dataValue(html, 'inspector.param.weight.grad')).toEqual([6, 6]);
    expect(dataValue(html, 'inspector.value')).toHaveLength(6);
  });

  it('Inspector on a matrix constant shows its 2×2 table and no requires_grad', () => {
    const html = inspect('c');
    const ids = testIds(html);
    expect(ids).toContain('inspector.cell.3');
    expect(ids).not.toContain('inspector.requiresGrad');
    expect(html).toContain('aria-label="c element [1, 1]"');
  });

  it('Inspector on a linear of 100000 × 100000 says the weight is over the limit instead of building it', () => {
    const huge: GraphFile = { ...emptyDocument(), nodes: [{ id: 'lin', op: 'linear', position: at, attrs: { inFeatures: 100_000, outFeatures: 100_000 } }] };
    const html = inspect('lin', huge);
    expect(html).toMatch(/data-testid="inspector.error.weight.size"[^>]*>weight: A tensor of shape \[100000, 100000\] would have 10,000,000,000 elements, which exceeds the limit of 4,000,000 elements./);
    expect(testIds(html)).not.toContain('inspector.weight.cell.0');
    // The bias [100000] fits both the engine and the table.
    expect(testIds(html)).not.toContain('inspector.error.bias.size');
    expect(testIds(html)).toContain('inspector.bias.cell.0');
  });

  it('Inspector on a parameter of shape [50000000] keeps the shape field and says the tensor is over the limit', () => {
    const huge: GraphFile = { ...emptyDocument(), nodes: [{ id: 'w', op: 'parameter', position: at, shape: [50_000_000], init: { type: 'normal', mean: 0, std: 1, seed: 0 } }] };
    const html = inspect('w', huge);
    expect(testIds(html)).toContain('inspector.shape');
    expect(html).toContain('would have 50,000,000 elements, which exceeds the limit of 4,000,000 elements');
    expect(testIds(html)).not.toContain('inspector.cell.0');
  });

  it('Inspector on a [1, 1000] constant draws at most MAX_CELLS inputs and a read-only table of at most MAX_COLS columns', () => {
    const wide: GraphFile = {
      ...emptyDocument(),
      nodes: [{ id: 'c', op: 'constant', position: at, value: { type: 'tensor', shape: [1, 1000], data: Array.from({ length: 1000 }, (_, i) => i) } }],
    };
    const html = inspect('c', wide);
    const cells = testIds(html).filter((id) => /^inspector\.cell\.\d+$/.test(id));
    expect(cells).toHaveLength(MAX_CELLS);
    expect(html).toContain('Showing the first 256 of 1000 values');
    const valueTable = html.slice(html.indexOf('data-testid="inspector.value"'));
    const firstRow = valueTable.slice(valueTable.indexOf('<tbody>'), valueTable.indexOf('</tr>', valueTable.indexOf('<tbody>')));
    expect(firstRow.match(/<td /g)).toHaveLength(MAX_COLS);
    expect(valueTable).toContain(`${1000 - MAX_COLS} more columns`);
    expect(dataValue(html, 'inspector.value')).toHaveLength(1000);
  });

  it("Inspector on an input bound to a missing dataset named 'constructor' lists it as missing rather than reading Object's", () => {
    const doc: GraphFile = {
      ...emptyDocument(),
      datasets: { d: { columns: ['a'], rows: [[1]] } },
      nodes: [{ id: 'x', op: 'input', position: at, value: { type: 'columns', dataset: 'constructor', columns: ['a'] } }],
    };
    const html = inspect('x', doc);
    expect(html).toContain('constructor (not loaded)');
    expect(testIds(html)).not.toContain('inspector.columns.col.a');
  });

  it('Palette lists every op with its accessible name and test id', () => {
    const html = render(new Session(), createElement(ReactFlowProvider, null, createElement(Palette)));
    expect(testIds(html)).toContain('palette.search');
    expect(html).toContain('data-testid="palette.square"');
    expect(html).toContain('aria-label="Add square: y = x²"');
    expect(html).toMatch(/draggable="true"[^>]*data-testid="palette.input"/);
  });
});
