import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';

test.use({ viewport: { width: 1600, height: 900 } });

const HEIGHT_WEIGHT = readFileSync(new URL('../../shared/data/ch03_height_weight.csv', import.meta.url), 'utf8');

/** Drops a CSV file on the canvas as the operating system would. */
async function dropCsv(editor: Editor, name: string, text: string): Promise<void> {
  const transfer = await editor.page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/csv' }));
      return dt;
    },
    [name, text] as const,
  );
  await editor.canvas.dispatchEvent('dragenter', { dataTransfer: transfer });
  await editor.canvas.dispatchEvent('dragover', { dataTransfer: transfer });
  await editor.canvas.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a dropped CSV opens in the datasets panel; a malformed one names line and column and the current dataset stays', async ({ editor, page }) => {
  await editor.open();
  const doc = await editor.document();
  await dropCsv(editor, 'ch03_height_weight.csv', HEIGHT_WEIGHT);
  const preview = page.getByTestId('datasets.preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('height_cm');
  await expect(editor.page.getByTestId('file.dropOverlay')).toHaveCount(0);
  await expect(editor.notice).toHaveCount(0);
  // The shell did not open the CSV as a graph.
  expect(await editor.document()).toEqual(doc);

  await dropCsv(editor, 'bad.csv', 'a,b\n1,2\n3,x\n');
  const error = page.getByTestId('datasets.error');
  await expect(error).toContainText("line 3, column b: 'x' is not a number");
  await expect(preview).toContainText('height_cm');

  await dropCsv(editor, 'ragged.csv', 'a,b\n1,2\n3\n');
  await expect(error).toContainText('line 3');
  await dropCsv(editor, 'empty.csv', '');
  await expect(error).toContainText('line 1: the file is empty');
  await expect(preview).toContainText('height_cm');
});

test('the three-blob dataset binds features, a label vector and a seeded test split in one undoable step', async ({ editor, page }) => {
  await editor.open();
  await editor.press('file.new');
  await page.getByTestId('side.tab.data').click();
  await page.getByTestId('datasets.builtin.blobs3').click();
  await expect(page.getByTestId('datasets.preview')).toHaveAttribute('data-rows', '90');
  await expect(page.getByTestId('datasets.role.label')).toHaveValue('label');
  await page.getByTestId('datasets.split').check();
  await page.getByTestId('datasets.scale').selectOption('standardise');
  await page.getByTestId('datasets.bind').click();
  const s = await editor.snapshot();
  expect(s.document.datasets.blobs3.rows).toHaveLength(72);
  expect(s.document.datasets.blobs3_test.rows).toHaveLength(18);
  expect(s.document.nodes.find((n) => n.id === 'labels')?.value).toEqual({ type: 'columns', dataset: 'blobs3', columns: ['label'], vector: true });
  expect(s.nodes.X.shape).toEqual([72, 2]);
  expect(s.nodes.labels.shape).toEqual([72]);
  const mean = s.document.datasets.blobs3.rows.reduce((a, r) => a + r[0], 0) / 72;
  expect(Math.abs(mean)).toBeLessThan(1e-9);
  expect(s.history.undo.at(-1)).toBe('bind dataset');
  await editor.press('toolbar.undo');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
  expect((await editor.document()).datasets).toEqual({});
});
