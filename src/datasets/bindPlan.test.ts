import { readFileSync } from 'node:fs';
import { wordsText } from '../i18n/words';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../../engine';
import { boxesOverlap, GRID, NODE_WIDTH } from '../canvas/placement';
import { emptyDocument } from '../store/edits';
import { bindDataset, type BindPlan, planInputs } from './bind';
import { bindNotice } from './bindNotice';
import { builtinDataset } from './builtin';
import { inputSides } from './inputRoles';

/** The height/weight example's wiring (linear-regression-module.json): inputs height and weight, centred into X and Y, then linear and mse. */
function heightWeight(): GraphFile {
  const doc = emptyDocument();
  doc.datasets = { people: { columns: ['height_cm', 'weight_kg'], rows: [[166, 58], [176, 75]] } };
  const cols = (c: string) => ({ type: 'columns' as const, dataset: 'people', columns: [c] });
  doc.nodes = [
    { id: 'height', op: 'input', position: { x: 0, y: 0 }, value: cols('height_cm') },
    { id: 'height_mean', op: 'mean', position: { x: 200, y: 0 } },
    { id: 'X', op: 'sub', position: { x: 400, y: 0 } },
    { id: 'weight', op: 'input', position: { x: 0, y: 240 }, value: cols('weight_kg') },
    { id: 'weight_mean', op: 'mean', position: { x: 200, y: 240 } },
    { id: 'Y', op: 'sub', position: { x: 400, y: 240 } },
    { id: 'linear', op: 'linear', position: { x: 600, y: 0 }, attrs: { inFeatures: 1, outFeatures: 1 } },
    { id: 'loss', op: 'mse', position: { x: 800, y: 120 } },
  ];
  const e = (source: string, target: string, targetPort: string) => ({ source, target, targetPort });
  doc.edges = [
    e('height', 'height_mean', 'x'), e('height', 'X', 'a'), e('height_mean', 'X', 'b'),
    e('weight', 'weight_mean', 'x'), e('weight', 'Y', 'a'), e('weight_mean', 'Y', 'b'),
    e('X', 'linear', 'x'), e('linear', 'loss', 'input'), e('Y', 'loss', 'target'),
  ];
  doc.loss = 'loss';
  return doc;
}

/** The by-hand regression's wiring (linear-regression-by-hand.json): Yp = W·X + B, loss = mean((Yp − Y)²), no loss op. */
function byHand(): GraphFile {
  const doc = emptyDocument();
  doc.datasets = { people: { columns: ['height_cm', 'weight_kg'], rows: [[166, 58]] } };
  doc.nodes = [
    { id: 'height', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'people', columns: ['height_cm'], vector: true } },
    { id: 'weight', op: 'input', position: { x: 0, y: 240 }, value: { type: 'columns', dataset: 'people', columns: ['weight_kg'], vector: true } },
    { id: 'W', op: 'parameter', position: { x: 400, y: 120 }, shape: [] },
    { id: 'WX', op: 'mul', position: { x: 600, y: 0 } },
    { id: 'err', op: 'sub', position: { x: 1000, y: 120 } },
    { id: 'loss', op: 'mean', position: { x: 1400, y: 120 } },
  ];
  const e = (source: string, target: string, targetPort: string) => ({ source, target, targetPort });
  doc.edges = [e('W', 'WX', 'a'), e('height', 'WX', 'b'), e('WX', 'err', 'a'), e('weight', 'err', 'b'), e('err', 'loss', 'x')];
  doc.loss = 'loss';
  return doc;
}

const line: BindPlan = { name: 'line', train: { columns: ['x', 'y'], rows: [[0, 1], [1, 3]] }, test: null, roles: { x: 'feature', y: 'target' } };

describe('the binding plan', () => {
  it('inputSides reads the wiring: height flows into linear (feature), weight meets the prediction at mse (target)', () => {
    expect(inputSides(heightWeight())).toEqual(new Map([['height', 'feature'], ['weight', 'target']]));
    expect(inputSides(byHand())).toEqual(new Map([['height', 'feature'], ['weight', 'target']]));
  });

  it('binding onto the height/weight example rebinds its inputs height and weight: no X_2 or Y_2, no new node', () => {
    const doc = heightWeight();
    const before = doc.nodes.length;
    const bound = bindDataset(doc, line);
    expect(bound).toEqual([
      { id: 'height', role: 'feature', columns: ['x'], created: false },
      { id: 'weight', role: 'target', columns: ['y'], created: false },
    ]);
    expect(doc.nodes).toHaveLength(before);
    expect(doc.nodes.some((n) => /_2$/.test(n.id))).toBe(false);
    expect(doc.nodes.find((n) => n.id === 'height')?.value).toEqual({ type: 'columns', dataset: 'line', columns: ['x'] });
  });

  it('binding two blobs onto the binary-classification example rebinds X (features) and T (the bce target): no new node', () => {
    const doc = JSON.parse(readFileSync('public/examples/binary-classification.json', 'utf8')) as GraphFile;
    const before = doc.nodes.map((n) => n.id);
    const b = builtinDataset('blobs2');
    const bound = bindDataset(doc, { name: b.name, train: b.dataset, test: null, roles: b.roles });
    expect(bound.map((x) => [x.id, x.role, x.columns, x.created])).toEqual([
      ['X', 'feature', ['x1', 'x2'], false],
      ['T', 'target', ['label'], false],
    ]);
    expect(doc.nodes.map((n) => n.id)).toEqual(before);
  });

  it('a one-column input that was a vector stays a vector when rebound (the by-hand graph keeps its shapes)', () => {
    const doc = byHand();
    bindDataset(doc, line);
    expect(doc.nodes.find((n) => n.id === 'height')?.value).toEqual({ type: 'columns', dataset: 'line', columns: ['x'], vector: true });
    expect(doc.nodes.find((n) => n.id === 'weight')?.value).toEqual({ type: 'columns', dataset: 'line', columns: ['y'], vector: true });
  });

  it('an input named for the role wins over wiring, and one input never takes two roles', () => {
    const doc = heightWeight();
    doc.nodes.push({ id: 'Y_2', op: 'input', position: { x: 0, y: 500 }, value: { type: 'tensor', shape: [1], data: [0] } });
    expect(planInputs(doc, line).map((b) => [b.id, b.role])).toEqual([['height', 'feature'], ['Y_2', 'target']]);
  });

  it('a graph without inputs gets new ones, placed inside the view and clear of the nodes there', () => {
    const doc = emptyDocument();
    doc.nodes.push({ id: 'lin', op: 'linear', position: { x: 100, y: 100 }, attrs: { inFeatures: 1, outFeatures: 1 } });
    const view = { x: 80, y: 60, width: 600, height: 500 };
    const taken = [{ x: 100, y: 100, width: NODE_WIDTH, height: 180 }];
    const bound = bindDataset(doc, line, { view, taken });
    expect(bound.map((b) => [b.id, b.created])).toEqual([['X', true], ['Y', true]]);
    const boxes = ['X', 'Y'].map((id) => {
      const p = doc.nodes.find((n) => n.id === id)!.position;
      return { ...p, width: NODE_WIDTH, height: 9 * GRID };
    });
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(view.x);
      expect(b.y).toBeGreaterThanOrEqual(view.y);
      expect(b.x + b.width).toBeLessThanOrEqual(view.x + view.width);
      expect(b.y + b.height).toBeLessThanOrEqual(view.y + view.height);
      expect(boxesOverlap(b, taken[0])).toBe(false);
    }
    expect(boxesOverlap(boxes[0], boxes[1])).toBe(false);
  });

  it('the notice names exactly what was rebound and what was created, in both languages', () => {
    expect(wordsText('en', bindNotice('line', [{ id: 'X', role: 'feature', columns: ['x'], created: true }, { id: 'Y', role: 'target', columns: ['y'], created: true }]).text)).toBe(
      'Created input nodes X (1 column) and Y (1 column); wire them into the graph.',
    );
    expect(wordsText('en', bindNotice('line', [{ id: 'height', role: 'feature', columns: ['x'], created: false }, { id: 'Y', role: 'target', columns: ['y', 'z'], created: true }]).text)).toBe(
      'Bound “line” to the graph’s input nodes: height ← x. Created input node Y (2 columns); wire it into the graph.',
    );
    expect(wordsText('ja', bindNotice('line', [{ id: 'X', role: 'feature', columns: ['x'], created: true }, { id: 'Y', role: 'target', columns: ['y'], created: true }]).text)).toBe(
      '入力ノード X (1 列) と Y (1 列) を作りました。計算グラフにつないでください。',
    );
  });
});
