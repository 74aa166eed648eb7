import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedEnglish, englishWords } from '../i18n/englishWords';
import { translate } from '../i18n/useT';
import { editLabelText } from './editLabel';

const ja = (key: string, vars?: Readonly<Record<string, string | number>>) => translate('ja', key, vars);
const en = (key: string, vars?: Readonly<Record<string, string | number>>) => translate('en', key, vars);

/** Every source file of the page (tests aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
  );
}

/** The literal labels edits are made with: the text arguments of edit, write, editNode and moveNodes, and label defaults. */
function literalLabels(): Set<string> {
  const labels = new Set<string>();
  for (const file of sources(new URL('..', import.meta.url).pathname)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/(?:\.edit|\beditNode|\.write)\(([^;]*?)(?:\(|=>)/gs)) for (const m of call[1].matchAll(/'([^'\n]*)'/g)) labels.add(m[1]);
    for (const m of text.matchAll(/\bmoveNodes\([^;\n]*'([a-z ]+)'\)/g)) labels.add(m[1]);
    for (const m of text.matchAll(/\blabel = '([^']+)'/g)) labels.add(m[1]);
  }
  return labels;
}

describe('editLabelText', () => {
  it('every label an edit is made with reads in Japanese, with no English word outside the op vocabulary', () => {
    const labels = literalLabels();
    expect([...labels]).toEqual(expect.arrayContaining(['add node', 'connect', 'set loss', 'auto layout', 'move', 'reset parameters']));
    const allowed = allowedEnglish();
    for (const label of labels) {
      const words = editLabelText(ja, label);
      expect(englishWords(words, allowed), `${label} → ${words}`).toEqual([]);
      expect(editLabelText(en, label), label).toBe(label);
    }
  });

  it('fields and attributes set in the inspector: the field by its Japanese name, an attribute by its own', () => {
    for (const f of ['start', 'end', 'step', 'init value', 'init low', 'init high', 'init mean', 'init std', 'init seed']) {
      expect(englishWords(editLabelText(ja, `set ${f}`), allowedEnglish()), f).toEqual([]);
      expect(editLabelText(en, `set ${f}`)).toBe(`set ${f}`);
    }
    expect(editLabelText(ja, 'set init low')).toBe('初期化の下限の変更');
    expect(editLabelText(ja, 'set inFeatures')).toBe('inFeatures の変更');
    expect(editLabelText(en, 'set inFeatures')).toBe('set inFeatures');
  });
});
