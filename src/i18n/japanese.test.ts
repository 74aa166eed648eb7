import { describe, expect, it } from 'vitest';
import { allowedEnglish, englishWords } from './englishWords';
import { MESSAGES } from './testMessages';

// The language switch names the other language in that language, and is marked lang="en".
const OTHER_LANGUAGE = new Set(['lang.switch']);

describe('Japanese messages', () => {
  it('no Japanese text has an English word outside the op vocabulary, code and proper names (placeholders and `code` aside)', () => {
    const allowed = allowedEnglish();
    const found: string[] = [];
    for (const [key, m] of Object.entries(MESSAGES)) {
      if (OTHER_LANGUAGE.has(key)) continue;
      const words = englishWords(m.ja.replace(/\{\w+\}/g, '').replace(/`[^`]*`/g, ''), allowed);
      if (words.length > 0) found.push(`${key}: ${words.join(' ')}`);
    }
    expect(found).toEqual([]);
  });

  it('finds the English of a half-translated label, and lets code, ops and single letters pass', () => {
    const allowed = allowedEnglish();
    expect(englishWords('重み (WEIGHT) とバイアス (BIAS)', allowed)).toEqual(['WEIGHT', 'BIAS']);
    expect(englishWords('optimizer.zero_grad() で linear の weight を W・x から', allowed)).toEqual([]);
    expect(englishWords('nodes[1]: square の入力 x', allowed)).toEqual([]);
    expect(englishWords('「format」："gradcanvas-graph" ではなく \'other\' です', allowed)).toEqual([]);
  });
});
