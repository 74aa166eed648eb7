import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec: { name: string } };
  cells: { cell_type: string; id: string; source: string[]; outputs?: unknown[] }[];
}

/** Clicks Notebook (the notebook export) and returns the downloaded file's name and parsed JSON. */
async function exportNotebook(page: Page): Promise<{ name: string; notebook: Notebook }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('file.exportNotebook').click();
  const d = await download;
  return { name: d.suggestedFilename(), notebook: JSON.parse(await readFile(await d.path(), 'utf8')) as Notebook };
}

/** The first line of each Markdown cell. */
const headings = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('').split('\n')[0]);

test('Export notebook downloads an nbformat 4 notebook of the graph, explained in the page language', async ({ editor, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect(page.getByTestId('doc.name')).toContainText('Linear regression');
  await expect(page.getByTestId('file.exportNotebook')).toHaveText('Notebook');
  await editor.screenshot('notebook-menu-en');

  const { name, notebook } = await exportNotebook(page);
  expect(name).toMatch(/^linear-regression.*\.ipynb$/);
  expect(notebook.nbformat).toBe(4);
  expect(notebook.nbformat_minor).toBe(5);
  expect(notebook.metadata.kernelspec.name).toBe('python3');
  expect(notebook.cells.map((c) => c.cell_type)).toEqual(['markdown', ...Array<string[]>(7).fill(['markdown', 'code']).flat()]);
  expect(new Set(notebook.cells.map((c) => c.id)).size).toBe(notebook.cells.length);
  expect(headings(notebook).slice(1)).toEqual(['## Setup', '## Data', '## Model', '## Loss', '## Optimizer', '## Training loop', '## Loss curve']);
  const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
  expect(code[0]).toContain('device = torch.device("cuda" if torch.cuda.is_available() else "cpu")');
  expect(code[2]).toContain('class Net(nn.Module):');
  expect(code[5]).toMatch(/for epoch in range\(\d+\):/);
  expect(code[6]).toContain('import matplotlib.pyplot as plt');
  for (const c of notebook.cells.filter((c) => c.cell_type === 'code')) expect(c.outputs).toEqual([]);

  await editor.press('toolbar.lang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('file.exportNotebook')).toHaveText('ノートブック');
  await editor.screenshot('notebook-menu-ja');
  const ja = (await exportNotebook(page)).notebook;
  expect(headings(ja).slice(1)).toEqual(['## 準備', '## データ', '## モデル', '## 損失関数', '## 最適化手法', '## 学習ループ', '## 損失の推移']);
  // The code is the same in either language.
  expect(ja.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''))).toEqual(code);
});

test('Export notebook on a graph with no loss says why and downloads nothing; the graph stays', async ({ editor, page }) => {
  await editor.open();
  await editor.press('file.new');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('file.exportNotebook').click();
  await expect(editor.notice).toBeVisible();
  await expect(editor.notice).toContainText('The notebook could not be written');
  await expect(editor.notice).toContainText('export needs a loss node');
  expect(downloads).toBe(0);
  expect((await editor.document()).nodes).toEqual([]);
});
