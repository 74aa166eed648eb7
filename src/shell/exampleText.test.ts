import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/testMessages';
import { exampleKey, shownDocName } from './exampleText';

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../public/examples/${file}`, import.meta.url), 'utf8'));
const index = read('index.json') as { file: string; name: string }[];

describe('example texts', () => {
  it('every shipped example has a title and a description in both languages, the English ones as the file stores them', () => {
    expect(index.length).toBeGreaterThan(0);
    for (const entry of index) {
      const doc = read(entry.file) as { name: string; description: string };
      const title = MESSAGES[exampleKey(entry.file, 'title')];
      const description = MESSAGES[exampleKey(entry.file, 'description')];
      expect(title?.en, entry.file).toBe(entry.name);
      expect(doc.name, entry.file).toBe(entry.name);
      expect(description?.en.replaceAll('`', ''), entry.file).toBe(doc.description);
      expect(title.ja, entry.file).not.toBe(title.en);
      expect(description.ja, entry.file).not.toBe(description.en);
      expect(description.ja.split('`').length % 2, `${entry.file}: backticks pair up`).toBe(1);
    }
  });

  it('an example’s stored name is shown in the page’s language; any other name as it is', () => {
    expect(shownDocName('ja', 'Composite function y = 2x² + 2')).toBe('合成関数 y = 2x² + 2');
    expect(shownDocName('en', 'Composite function y = 2x² + 2')).toBe('Composite function y = 2x² + 2');
    expect(shownDocName('ja', 'my graph')).toBe('my graph');
  });
});
