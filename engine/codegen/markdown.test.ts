import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PYTHON } from '../testing/debianPython';
import { pyComment } from './escape';
import { INJECTION_CORPUS } from './injectionCorpus';
import { mdText } from './markdown';

/** Arbitrary UTF-16 (lone surrogates, controls, pairs) and printable ASCII heavy in Markdown's punctuation. */
function randomTexts(): string[] {
  const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((u) => String.fromCharCode(...u));
  const markup = fc.array(fc.constantFrom(...'<>&"\'`*_[]()#!|~$\\-+.=:^%@{} \nabc1'.split('')), { maxLength: 40 }).map((a) => a.join(''));
  return fc.sample(fc.oneof(units, markup), { seed: 20261201, numRuns: 300 });
}

/** Markdown that tries to become a link, an image, HTML, a heading, math, a table, emphasis or code. */
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](http://example.com/x.png)',
  '<http://example.com>',
  'www.example.com https://example.com',
  '# heading',
  '\n# heading after a break',
  '$x^2$ and $$\\int$$',
  '| a | b |\n|---|---|',
  '**bold** _em_ `code` ~~gone~~',
  '&lt;entity&gt; &#x3C;',
  '    indented code',
  '---',
  '> quote',
  '1. list',
  '- item',
];

const CORPUS = [...INJECTION_CORPUS, ...MARKUP, '', 'plain', '線形回帰', ...randomTexts()];

/**
 * Renders `Name: <text>` with nbconvert's Markdown renderer (the one `jupyter nbconvert --to
 * html` uses, math included) and returns, for each text, the HTML and whether it is one
 * paragraph with no other tag whose text, entities decoded, is exactly the expected text (a
 * paragraph's trailing spaces are not part of it).
 */
const RENDER = `
import html, json, re, sys
from nbconvert.filters.markdown import markdown2html
out = []
for item in json.load(sys.stdin):
    rendered = markdown2html('Name: ' + item['md']).strip()
    m = re.fullmatch(r'<p>([^<]*)</p>', rendered)
    out.append({'html': rendered, 'plain': m is not None and html.unescape(m.group(1)) == ('Name: ' + item['visible']).rstrip(' ')})
print(json.dumps(out))
`;

describe('mdText', () => {
  it('every hostile and random text → one line whose every HTML special and Markdown mark is a character reference', () => {
    for (const s of CORPUS) {
      const md = mdText(s);
      expect(md, JSON.stringify(s.slice(0, 40))).not.toMatch(/[\n\r\u2028\u2029]/);
      // With the references taken out, no mark Markdown or HTML reads is left.
      expect(md.replace(/&(amp|lt|gt|quot|#\d+);/g, ''), JSON.stringify(s.slice(0, 40))).not.toMatch(/[<>"'\\`*_{}[\]()#+\-.!|~$=:^%@&]/);
    }
  });

  it('rendered by nbconvert → one plain paragraph showing exactly the text (hidden characters as \\uXXXX): no tag, link, image, heading, math or emphasis', () => {
    const items = CORPUS.map((s) => ({ md: mdText(s), visible: pyComment(s) }));
    const r = spawnSync(PYTHON, ['-c', RENDER], { input: JSON.stringify(items), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as { html: string; plain: boolean }[];
    const wrong = results.flatMap((res, k) => (res.plain ? [] : [`${JSON.stringify(CORPUS[k].slice(0, 60))} → ${res.html.slice(0, 300)}`]));
    expect(wrong).toEqual([]);
    expect(results).toHaveLength(CORPUS.length);
  }, 60_000);
});
