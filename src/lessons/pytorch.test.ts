import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertTorch, runPythonScripts } from '../../engine/testing/debianPython';
import { COURSE } from './course';

// Every "In PyTorch" block runs in PyTorch and prints exactly what the lesson says it prints.

const blocks = COURSE.flatMap((l) => l.steps.flatMap((s, i) => (s.pytorch ? [{ name: `${l.id}/${i + 1}`, ...s.pytorch }] : [])));
let dir = '';
/** The course's data files. */
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

beforeAll(() => {
  assertTorch();
  dir = mkdtempSync(join(tmpdir(), 'gradcanvas-lessons-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('In PyTorch blocks', () => {
  it('every lesson step has one', () => {
    expect(blocks.length).toBe(COURSE.reduce((n, l) => n + l.steps.length, 0));
  });

  it('each runs in PyTorch (with `import torch`, in the course data folder) and prints what the lesson shows', async () => {
    const paths = blocks.map((b, i) => {
      const path = join(dir, `block${i}.py`);
      // Blocks that read the course's CSV files find them where the course keeps them (shared/data).
      writeFileSync(path, `import os\nimport torch\nos.chdir(${JSON.stringify(DATA)})\n${b.code}\n`);
      return path;
    });
    const results = await runPythonScripts(paths);
    results.forEach((r, i) => {
      expect(r.stderr, blocks[i].name).toBe('');
      expect(r.stdout.trimEnd(), blocks[i].name).toBe(blocks[i].output);
    });
  }, 60_000);
});
