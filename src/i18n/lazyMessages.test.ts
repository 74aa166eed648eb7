import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_MESSAGES } from './firstScreenMessages';
import { code } from './messages/code';
import { codeReasons } from './messages/codeReasons';
import { csv } from './messages/csv';
import { datasets } from './messages/datasets';
import { examples } from './messages/examples';
import { lessons } from './messages/lessons';
import { palette } from './messages/palette';
import { plots } from './messages/plots';
import { training } from './messages/training';

const SRC = fileURLToPath(new URL('../', import.meta.url));
/** The first screen's strings, with the palette's and the examples' it registers in both languages. */
const FIRST_SCREEN = new Set(Object.keys({ ...FIRST_SCREEN_MESSAGES, ...palette, ...examples }));

/** The source files under a folder of src/, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every key a folder's code words with t('…'). */
function keysUsed(folder: string): Set<string> {
  const keys = new Set<string>();
  for (const file of sources(join(SRC, folder))) for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) keys.add(m[1]);
  return keys;
}

// Each part that loads on first use, with the strings its code registers as it loads.
const PARTS: Record<string, readonly Readonly<Record<string, unknown>>[]> = {
  training: [training],
  plots: [plots],
  datasets: [datasets, csv],
  code: [code, codeReasons],
  lessons: [lessons, code, datasets, plots, training],
};

describe('strings of the parts that load on first use', () => {
  for (const [folder, registered] of Object.entries(PARTS)) {
    it(`every string src/${folder}/ words is on the first screen or registered with its code (no raw key on screen)`, () => {
      const known = new Set([...FIRST_SCREEN, ...registered.flatMap((m) => Object.keys(m))]);
      expect([...keysUsed(folder)].filter((k) => !known.has(k))).toEqual([]);
    });
  }
});
