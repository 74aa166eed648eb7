import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Editor } from './pages/Editor';
import type { StepperSnapshot } from '../src/stepper/snapshot';

/** The step-through part of the test hook's snapshot. */
export async function stepper(editor: Editor): Promise<StepperSnapshot> {
  const s = (await editor.snapshot()).stepper;
  if (!s) throw new Error('the test hook has no stepper');
  return s;
}

/** The event the stepper shows now. */
export async function current(editor: Editor) {
  const s = await stepper(editor);
  return s.events[s.cursor];
}

/** The numbers an edge label carries and which way it flows, read once the label is visible. */
export async function edgeLabel(page: Page, source: string, target: string, port: string) {
  const label = page.getByTestId(`edge.${source}.${target}.${port}`);
  // A label with no free place beside a short wire shows while the wire is hovered, as a person would look at it.
  if ((await label.getAttribute('data-placement')) === 'on-demand') await hoverWire(page, source, target, port);
  await expect(label).toBeVisible();
  return { flow: await label.getAttribute('data-flow'), value: JSON.parse((await label.getAttribute('data-value')) ?? '[]') as number[] };
}

/** Moves the mouse onto the middle of a wire (React Flow's curve passes halfway between its two handles). */
export async function hoverWire(page: Page, source: string, target: string, port: string) {
  const centre = async (id: string) => {
    const b = (await page.getByTestId(id).boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const from = await centre(`handle.${source}.out`);
  const to = await centre(`handle.${target}.${port}`);
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
}

/** Each number equal to 1e-9. */
export function closeTo(actual: readonly number[], expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
}

/** A graph file for import. */
export function graphFile(name: string, nodes: unknown[], edges: unknown[], loss: string, lr = 0.1) {
  return {
    format: 'gradcanvas-graph',
    version: 1,
    name,
    nodes,
    edges,
    loss,
    datasets: {},
    training: { epochs: 1, batchSize: null, seed: 0, optimizer: { type: 'sgd', lr } },
  };
}

/** Imports a graph file through the Import button and waits until it is open. */
export async function importGraph(editor: Editor, file: object, name: string) {
  await editor.importFile({ name, buffer: Buffer.from(JSON.stringify(file)) });
  await expect.poll(async () => (await editor.document()).name).toBe((file as { name: string }).name);
}
