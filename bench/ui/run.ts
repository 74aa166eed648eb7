/**
 * `npm run bench:ui [-- --json] [-- --no-build] [-- --only=pan,minimap,play,boston,training]`: the page's own numbers, measured with
 * Playwright in Debian's Chromium at 1440×900 on the production build served by
 * `vite preview` on a private port (BENCH_UI_PORT, 4291 unless set): import → painted,
 * 60 pan moves (per-move cost, frames per second and the longest frame) on parallel scalar
 * chains of 80, 1,000 and 10,000 nodes, from the opening view and beside the graph (the minimap
 * on screen); Play's frame rate on a 50-node graph; the Boston
 * run's wall time in the training worker; the frame rate while a run trains with the Train tab
 * and each plot on screen. Progress goes to stderr; stdout gets the table, or with --json one JSON object.
 * A benchmark, not a test: nothing is asserted.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { type GraphFile, serializeGraphFile } from '../../engine';
import { bostonGraph, CHAINS_WIDTH, parallelChains, playGraph, plotsGraph } from './graphs';
import { countFrames, emptyCanvasPoint, type FrameRate, frameRateFor, painted } from './page';

const json = process.argv.includes('--json');
const build = !process.argv.includes('--no-build');
const PORT = Number(process.env.BENCH_UI_PORT ?? 4291);
const OUT = 'dist-bench-ui';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BOSTON_CSV = fileURLToPath(new URL('../../../shared/data/boston_rm_lstat_price.csv', import.meta.url));
const BOSTON_RM_CSV = fileURLToPath(new URL('../../../shared/data/boston_rm_price.csv', import.meta.url));
const SIZES = [80, 1000, 10_000] as const;
/** The graphs panned with the minimap on screen: one drawn whole, two drawn only where on screen. */
const MINIMAP_SIZES = [80, 1000, 10_000] as const;
const PAN_MOVES = 60;
/** Each pan move, in screen px: left and up, so new nodes keep coming into view. */
const PAN_STEP = { x: -8, y: -4 };
/** Beside the graph the pan goes up only, so the graph stays where it is across and the minimap's corner stays free. */
const PAN_STEP_BESIDE = { x: 0, y: -8 };
const BOSTON_EPOCHS = 5000;
const MEASURE_MS = 3000;

/** Progress on stderr, so stdout stays clean for --json. */
function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** What one graph size measured. */
interface PanResult {
  readonly nodes: number;
  readonly importMs: number;
  readonly panMs: number;
  readonly perMoveMs: number;
  readonly fps: number;
  readonly worstFrameMs: number;
  readonly renderedNodes: number;
  /** The elements the minimap draws after the pan (its boxes, mask and title), or null when it is hidden. */
  readonly minimapElements: number | null;
}

/** Serves the build on the private port; resolves once it answers. */
async function serve(): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', OUT, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return server;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on port ${PORT}`);
}

/** A fresh page on the app, as a returning learner (the first-visit welcome answered). */
async function openApp(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('gradcanvas.lessons.v1', JSON.stringify({ done: {}, open: null, welcomeSeen: true })));
  page.on('pageerror', (e) => log(`  page error: ${e.message}`));
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => window.gradcanvas !== undefined);
  await painted(page);
  return page;
}

/** Imports a graph file through the Import button; the milliseconds from choosing the file until a node of `idPrefix` is drawn on screen. */
async function importGraph(page: Page, file: GraphFile, idPrefix: string): Promise<number> {
  const buffer = Buffer.from(serializeGraphFile(file));
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file.import').click();
  const c = await chooser;
  const t0 = performance.now();
  await c.setFiles({ name: 'bench.json', mimeType: 'application/json', buffer });
  await page.waitForFunction(
    (prefix) => [...document.querySelectorAll<HTMLElement>(`.react-flow__node[data-testid^="node.${prefix}"]`)].some((n) => getComputedStyle(n).visibility !== 'hidden'),
    idPrefix,
    { polling: 'raf', timeout: 120_000 },
  );
  await painted(page);
  return performance.now() - t0;
}

/** The viewport's transform as React Flow draws it. */
function viewportTransform(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '');
}

/** Drags the canvas left until the chains' right edge is at 40% of its width: the right of the canvas is empty, and the minimap shows there. */
async function showChainsEdge(page: Page): Promise<void> {
  const shift = await page.evaluate((graphWidth) => {
    const pane = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '');
    return m ? Number(m[1]) + graphWidth * Number(m[3]) - pane.width * 0.4 : 0;
  }, CHAINS_WIDTH);
  const at = await emptyCanvasPoint(page);
  if (!at || shift <= 0) return;
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x - shift, at.y, { steps: 10 });
  await page.mouse.up();
  await page.waitForTimeout(500);
}

/**
 * Opens `count` nodes of parallel chains and pans the canvas with 60 mouse moves; `besideGraph`
 * first brings the chains' right edge to the middle, so the minimap is on screen while it pans.
 */
async function panBench(browser: Browser, count: number, besideGraph = false): Promise<PanResult> {
  const page = await openApp(browser);
  const importMs = await importGraph(page, parallelChains(count), 'c');
  // Let the opening fit and the autosave finish before panning.
  await page.waitForTimeout(1500);
  if (besideGraph) await showChainsEdge(page);
  const at = await emptyCanvasPoint(page);
  if (!at) throw new Error(`no empty canvas point to pan from (${count} nodes)`);
  const before = await viewportTransform(page);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  const stop = await countFrames(page);
  const t0 = performance.now();
  const step = besideGraph ? PAN_STEP_BESIDE : PAN_STEP;
  for (let i = 1; i <= PAN_MOVES; i++) await page.mouse.move(at.x + i * step.x, at.y + i * step.y);
  await painted(page);
  const panMs = performance.now() - t0;
  const frames = await stop();
  await page.mouse.up();
  if ((await viewportTransform(page)) === before) throw new Error(`the canvas did not pan (${count} nodes)`);
  const renderedNodes = await page.locator('.react-flow__node').count();
  const minimapElements = await page.evaluate(() => {
    const map = document.querySelector('.react-flow__minimap');
    return map ? map.querySelectorAll('*').length : null;
  });
  await page.close();
  return { nodes: count, importMs, panMs, perMoveMs: panMs / PAN_MOVES, fps: frames.fps, worstFrameMs: frames.worstMs, renderedNodes, minimapElements };
}

/** Play's frame rate on the 50-node graph at one training step per frame (speed 7). */
async function playBench(browser: Browser): Promise<FrameRate> {
  const page = await openApp(browser);
  await importGraph(page, playGraph(), 'n1');
  await page.getByTestId('dock.tab.step').click();
  await page.getByTestId('step.speed').fill('7');
  await page.getByTestId('step.play').click();
  const r = await frameRateFor(page, MEASURE_MS);
  await page.getByTestId('step.play').click();
  await page.close();
  return r;
}

/** The Boston run (5,000 epochs) in the worker: wall time from Train to done, and the worker's steps per second. */
async function bostonBench(browser: Browser): Promise<{ wallMs: number; stepsPerSecond: number }> {
  const page = await openApp(browser);
  await importGraph(page, bostonGraph(BOSTON_CSV, BOSTON_EPOCHS), 'half');
  await page.getByTestId('side.tab.train').click();
  const t0 = performance.now();
  await page.getByTestId('train.start').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train.progress"]')?.getAttribute('data-status') === 'done', undefined, { polling: 'raf', timeout: 120_000 });
  const wallMs = performance.now() - t0;
  const stepsPerSecond = await page.evaluate(() => window.gradcanvas!.snapshot().training.stepsPerSecond);
  await page.close();
  return { wallMs, stepsPerSecond };
}

/** The plots of the Plots tab, in its menu's order: each is timed while a run trains. */
const PLOT_KINDS = ['loss', 'data', 'function', 'contour', 'optimizer'] as const;

/** The frame rate while one plot is on screen during a long run. */
interface PlotFrameRate extends FrameRate {
  readonly plot: (typeof PLOT_KINDS)[number];
  /** Still training when the count ended (else the figure is of a finished run). */
  readonly running: boolean;
}

/**
 * The frame rate while a long run (Boston RM, Adam, a test split) trains with every panel
 * that shows it on screen: the Train tab beside the canvas, and the Plots tab below it showing
 * each plot in turn (loss curve with its test line, data and model, function, landscape with
 * its trail, optimizer moments), each counted over MEASURE_MS.
 */
async function trainingPlotsBench(browser: Browser): Promise<PlotFrameRate[]> {
  const page = await openApp(browser);
  await importGraph(page, plotsGraph(BOSTON_RM_CSV, 100_000_000), 'mse');
  await page.getByTestId('dock.tab.plots').click();
  await page.getByTestId('side.tab.train').click();
  await page.getByTestId('train.start').click();
  // Past the run's first seconds (compile, the first thinning of the curve), as each plot is timed later in the run.
  await page.waitForTimeout(2000);
  const out: PlotFrameRate[] = [];
  for (const plot of PLOT_KINDS) {
    await page.getByTestId('plot.select').selectOption(plot);
    await page.locator(`svg[data-plot="${plot}"]`).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const r = await frameRateFor(page, MEASURE_MS);
    const running = (await page.getByTestId('train.progress').getAttribute('data-status')) === 'running';
    log(`  ${plot}: ${r.fps.toFixed(1)} fps, longest frame ${r.worstMs.toFixed(0)} ms${running ? '' : ' (run ended)'}`);
    out.push({ plot, ...r, running });
  }
  await page.getByTestId('train.pause').click();
  await page.close();
  return out;
}

/** What a run measured; a part left out with --only is absent. */
interface Results {
  readonly load: string;
  readonly pans?: readonly PanResult[];
  /** The same pans beside the graph, with the minimap on screen. */
  readonly minimapPans?: readonly PanResult[];
  readonly play?: FrameRate;
  readonly boston?: { wallMs: number; stepsPerSecond: number };
  readonly training?: readonly PlotFrameRate[];
}

/** The printed table. */
function table({ load, pans, minimapPans, play, boston, training }: Results): string {
  const lines = [`Chromium 1440×900, production build; load average at start ${load} (2 cores shared: numbers are noisy)`];
  for (const [title, runs] of [['parallel scalar chains', pans], ['chains, panned beside the graph (minimap on screen)', minimapPans]] as const) {
    if (!runs) continue;
    const row = (name: string, cell: (p: PanResult) => string) => `| ${name} | ${runs.map(cell).join(' | ')} |`;
    lines.push(
      '',
      `| ${title} | ${runs.map((p) => `${p.nodes.toLocaleString('en')} nodes`).join(' | ')} |`,
      `| --- | ${runs.map(() => '---').join(' | ')} |`,
      row('import → painted', (p) => `${(p.importMs / 1000).toFixed(2)} s`),
      row(`${PAN_MOVES} pan moves`, (p) => `${(p.panMs / 1000).toFixed(2)} s`),
      row('per pan move', (p) => `${p.perMoveMs.toFixed(1)} ms`),
      row('fps while panning', (p) => p.fps.toFixed(0)),
      row('longest frame', (p) => `${p.worstFrameMs.toFixed(0)} ms`),
      row('nodes in the page after the pan', (p) => String(p.renderedNodes)),
      row('elements in the minimap', (p) => (p.minimapElements === null ? 'hidden' : String(p.minimapElements))),
    );
  }
  if (play || boston || training) lines.push('', '| page | figure |', '| --- | --- |');
  if (play) lines.push(`| Play, 50 nodes, one training step per frame | ${play.fps.toFixed(0)} fps (longest frame ${play.worstMs.toFixed(0)} ms) |`);
  if (boston) lines.push(`| Boston RM+LSTAT, ${BOSTON_EPOCHS.toLocaleString('en')} epochs in the worker | ${(boston.wallMs / 1000).toFixed(2)} s wall (${Math.round(boston.stepsPerSecond).toLocaleString('en')} steps/s) |`);
  for (const r of training ?? []) lines.push(`| training, Train tab and the ${r.plot} plot on screen | ${r.fps.toFixed(0)} fps (longest frame ${r.worstMs.toFixed(0)} ms)${r.running ? '' : ', run ended early'} |`);
  return lines.join('\n');
}

/** The parts to measure: all, or those --only=pan,minimap,play,boston,training names. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wants = (part: 'pan' | 'minimap' | 'play' | 'boston' | 'training') => !only || only.includes(part);
const load = loadavg()
  .map((v) => v.toFixed(2))
  .join(' ');
if (build) {
  log(`building into ${OUT}/`);
  const b = spawnSync('npx', ['vite', 'build', '--outDir', OUT], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) throw new Error('vite build failed');
}
const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  let results: Results = { load };
  if (wants('pan')) {
    const pans: PanResult[] = [];
    for (const n of SIZES) {
      log(`pan: ${n} nodes`);
      const p = await panBench(browser, n);
      log(`  import ${p.importMs.toFixed(0)} ms, ${p.perMoveMs.toFixed(1)} ms/move, ${p.fps.toFixed(1)} fps, longest frame ${p.worstFrameMs.toFixed(0)} ms`);
      pans.push(p);
    }
    results = { ...results, pans };
  }
  if (wants('minimap')) {
    const minimapPans: PanResult[] = [];
    for (const n of MINIMAP_SIZES) {
      log(`pan beside the graph, minimap on screen: ${n} nodes`);
      const p = await panBench(browser, n, true);
      log(`  ${p.perMoveMs.toFixed(1)} ms/move, ${p.fps.toFixed(1)} fps, longest frame ${p.worstFrameMs.toFixed(0)} ms, minimap ${p.minimapElements ?? 'hidden'}`);
      minimapPans.push(p);
    }
    results = { ...results, minimapPans };
  }
  if (wants('play')) {
    log('play: 50 nodes');
    results = { ...results, play: await playBench(browser) };
  }
  if (wants('boston')) {
    log(`boston: ${BOSTON_EPOCHS} epochs`);
    results = { ...results, boston: await bostonBench(browser) };
  }
  if (wants('training')) {
    log('training with each plot on screen');
    results = { ...results, training: await trainingPlotsBench(browser) };
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${table(results)}\n`);
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
