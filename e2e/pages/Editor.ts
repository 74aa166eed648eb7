import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Snapshot } from '../../src/testHook';

/** Where the e2e run saves its screenshots for review (gitignored with the rest of test-results/). */
export const SCREENSHOTS = 'test-results/screenshots';

/** A point inside the canvas, in pixels from its top-left corner. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The editor page: its controls by their stable test ids, and the few gestures the specs
 * repeat. Numbers are read from `window.gradcanvas.snapshot()`, not from pixels.
 */
export class Editor {
  readonly canvas: Locator;
  readonly notice: Locator;
  readonly status: Locator;
  /** Requests the page has made that have not finished: panels and examples download on first use. */
  private downloading = 0;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.notice = page.getByTestId('notice');
    this.status = page.getByTestId('status.accumulation');
    page.on('request', () => (this.downloading += 1));
    page.on('requestfinished', () => (this.downloading -= 1));
    page.on('requestfailed', () => (this.downloading -= 1));
  }

  /**
   * Waits until the view has stopped moving: nothing is downloading (a lesson fits the view
   * once its panels are here), no fit a lesson asked for is still to come, and the canvas
   * transform stays the same for a few polls, so a click lands where the node is drawn.
   */
  async settled(): Promise<void> {
    await expect.poll(() => this.downloading, { message: 'downloads finish' }).toBeLessThanOrEqual(0);
    // The canvas is busy while a fit a lesson asked for is still to come.
    await expect(this.canvas, 'no fit is still to come').not.toHaveAttribute('aria-busy', 'true');
    const viewport = this.page.locator('.react-flow__viewport').first();
    let last = '';
    let unchanged = 0;
    await expect
      .poll(
        async () => {
          const now = (await viewport.getAttribute('style')) ?? '';
          unchanged = now === last ? unchanged + 1 : 0;
          last = now;
          return unchanged;
        },
        { message: 'the view stops moving', intervals: [100] },
      )
      .toBeGreaterThanOrEqual(3);
  }

  /** Opens the app and waits until the first document is on the canvas. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.ready();
  }

  /** Waits for the boot to finish (the test hook answers and the canvas is drawn). */
  async ready(): Promise<void> {
    await expect(this.canvas).toBeVisible();
    await this.page.waitForFunction(() => window.gradcanvas !== undefined);
  }

  /** A fresh copy of the app state from the test hook. */
  snapshot(): Promise<Snapshot> {
    return this.page.evaluate(() => window.gradcanvas!.snapshot());
  }

  /** The open graph exactly as the file format has it. */
  async document(): Promise<Snapshot['document']> {
    return (await this.snapshot()).document;
  }

  /** A toolbar or file-menu control by its test id (`toolbar.backward`, `file.new`, …). */
  control(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** A node on the canvas (`node.<id>`). */
  node(id: string): Locator {
    return this.page.getByTestId(`node.${id}`);
  }

  /** A node's port handle: `out`, or an input port's name. */
  handle(id: string, port: string): Locator {
    return this.page.getByTestId(`handle.${id}.${port}`);
  }

  /** The full numbers a node's value or grad view carries in `data-value`, or null while it shows none (None). */
  async shownNumbers(id: string, which: 'value' | 'grad'): Promise<number[] | null> {
    const raw = await this.page.getByTestId(`node.${id}.${which}`).getAttribute('data-value');
    if (raw === null) return null;
    const parts = raw.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|nan|-?inf(?:inity)?/gi);
    return parts ? parts.map(Number) : [];
  }

  /** Drags a palette item onto the canvas with real HTML5 drag-and-drop; returns the new node's id. */
  async dropFromPalette(op: string, at: Point): Promise<string> {
    const before = new Set((await this.document()).nodes.map((n) => n.id));
    await this.page.getByTestId(`palette.${op}`).dragTo(this.canvas, { targetPosition: at });
    let created = '';
    await expect
      .poll(async () => {
        const added = (await this.document()).nodes.map((n) => n.id).filter((id) => !before.has(id));
        created = added[0] ?? '';
        return added.length;
      }, { message: `dropping palette.${op} adds one node` })
      .toBe(1);
    await expect(this.node(created)).toBeVisible();
    return created;
  }

  /** Pulls a wire with the mouse from `source`'s output handle to `target`'s input port. */
  async connect(source: string, target: string, port: string): Promise<void> {
    const from = await this.centre(this.handle(source, 'out'));
    const to = await this.centre(this.handle(target, port));
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 10, { steps: 5 });
    await mouse.move(to.x, to.y, { steps: 5 });
    await mouse.up();
  }

  /** Clicks a node so it becomes the only selection. */
  async select(id: string): Promise<void> {
    await this.node(id).click();
    await expect.poll(async () => (await this.snapshot()).selection).toEqual([id]);
  }

  /** Clicks a toolbar button (Undo, Backward, …). */
  async press(testId: string): Promise<void> {
    await this.control(testId).click();
  }

  /** Waits until autosave has written the current document, selection and viewport (to the first Recent entry). */
  async waitForAutosave(): Promise<void> {
    await expect
      .poll(async () =>
        this.page.evaluate(() => {
          const index = localStorage.getItem('gradcanvas.recent.v2');
          const first = index === null ? undefined : (JSON.parse(index) as { entries: { id: string }[] }).entries[0];
          const raw = first ? localStorage.getItem(`gradcanvas.recent.v2.doc.${first.id}`) : null;
          if (raw === null) return false;
          const s = window.gradcanvas!.snapshot();
          try {
            const saved = JSON.parse(raw) as { file: string; selection: string[]; viewport: unknown };
            return (
              JSON.stringify(JSON.parse(saved.file)) === JSON.stringify(s.document) &&
              JSON.stringify(saved.selection) === JSON.stringify(s.selection) &&
              JSON.stringify(saved.viewport) === JSON.stringify(s.viewport)
            );
          } catch {
            // A damaged document is first until the open one is saved.
            return false;
          }
        }),
      )
      .toBe(true);
  }

  /** Opens a shipped example from the Examples menu (`composite-function`, `sigmoid-function`, …). */
  async openExample(name: string): Promise<void> {
    await this.press('file.examples');
    await this.page.getByTestId(`file.example.${name}`).click();
  }

  /** Exports the graph through the toolbar; returns the downloaded file's name and text. */
  async exportFile(): Promise<{ name: string; path: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.press('file.export');
    const d = await download;
    const path = await d.path();
    return { name: d.suggestedFilename(), path, text: await readFile(path, 'utf8') };
  }

  /** Imports a file through the Import button's file picker. */
  async importFile(file: { name: string; buffer: Buffer } | string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.press('file.import');
    const c = await chooser;
    await c.setFiles(typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: file.buffer });
  }

  /** Drops a file onto the canvas as the operating system would (a DataTransfer holding a File). */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n, { type: 'application/json' }));
        return dt;
      },
      [name, text] as const,
    );
    await this.canvas.dispatchEvent('dragenter', { dataTransfer: transfer });
    await this.canvas.dispatchEvent('dragover', { dataTransfer: transfer });
    await this.canvas.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** The Recent list as stored (most recent first): each document's name and whether it is damaged. */
  recentStored(): Promise<{ id: string; name: string | null; damaged?: boolean }[]> {
    return this.page.evaluate(() => {
      const index = localStorage.getItem('gradcanvas.recent.v2');
      return index === null ? [] : (JSON.parse(index) as { entries: { id: string; name: string | null; damaged?: boolean }[] }).entries;
    });
  }

  /** Opens the Recent menu and returns its list. */
  async openRecentMenu(): Promise<Locator> {
    await this.press('file.recent');
    const list = this.page.getByTestId('file.recentList');
    await expect(list).toBeVisible();
    return list;
  }

  /** Saves a full-page screenshot for review. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
  }

  private async centre(l: Locator): Promise<Point> {
    await expect(l).toBeVisible();
    const box = await l.boundingBox();
    if (!box) throw new Error('element has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}
