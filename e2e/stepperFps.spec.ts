import { expect, test } from './fixtures';
import { graphFile, importGraph, stepper } from './stepperHelpers';

// Trace recording (its screencast) would take frames from the page being measured.
test.use({ viewport: { width: 1600, height: 1000 }, trace: 'off' });

test('frame rate while playing a 50-node graph', async ({ editor, page }) => {
  test.setTimeout(60_000);
  await editor.open();
  const nodes: unknown[] = [{ id: 'x', op: 'input', position: { x: 0, y: 0 }, value: { type: 'arange', start: -2, end: 2.1, step: 0.25 }, requiresGrad: true }];
  const edges: unknown[] = [];
  for (let i = 1; i < 49; i++) {
    const op = i % 2 === 1 ? 'tanh' : 'scale';
    nodes.push({ id: `n${i}`, op, position: { x: (i % 10) * 220, y: Math.floor(i / 10) * 160 }, ...(op === 'scale' ? { attrs: { k: 1.5 } } : {}) });
    edges.push({ source: i === 1 ? 'x' : `n${i - 1}`, target: `n${i}`, targetPort: 'x' });
  }
  nodes.push({ id: 'loss', op: 'sum', position: { x: 2200, y: 800 } });
  edges.push({ source: 'n48', target: 'loss', targetPort: 'x' });
  await importGraph(editor, graphFile('Fifty nodes', nodes, edges, 'loss'), 'fifty.json');
  await expect(editor.node('n48')).toBeVisible();

  const measure = () =>
    page.evaluate(
      () =>
        new Promise<{ fps: number; worst: number }>((resolve) => {
          const stamps: number[] = [];
          const frame = (t: number) => {
            stamps.push(t);
            if (t - stamps[0] < 3000) requestAnimationFrame(frame);
            else {
              const gaps = stamps.slice(1).map((v, i) => v - stamps[i]);
              resolve({ fps: (stamps.length - 1) / ((t - stamps[0]) / 1000), worst: Math.max(...gaps) });
            }
          };
          requestAnimationFrame(frame);
        }),
    );
  const idle = await measure();
  const results: string[] = [`idle: ${idle.fps.toFixed(1)} fps`];
  for (const speed of [6, 7]) {
    await page.getByTestId('step.speed').fill(String(speed));
    await editor.press('step.play');
    const r = await measure();
    await editor.press('step.play');
    const label = speed === 7 ? 'one training step per frame' : '32 events/s';
    results.push(`${label}: ${r.fps.toFixed(1)} fps (longest frame ${r.worst.toFixed(1)} ms)`);
  }
  const s = await stepper(editor);
  expect(s.epoch).toBeGreaterThan(1);
  console.log(`[stepper fps, 50-node graph] ${results.join('; ')}`);
});
