import { describe, expect, it } from 'vitest';
import { languageStrings, preloadScript } from './oneLanguage';

const FILES = { en: '/assets/strings-en.js', ja: '/assets/strings-ja.js' };

/** Runs the head script as a page with this saved language (or blocked storage) and browser language would; returns the file it preloads. */
function preloaded(saved: string | null | 'blocked', browser: string): string[] {
  const links: { rel: string; href: string }[] = [];
  const localStorage = {
    getItem: (key: string) => {
      if (saved === 'blocked') throw new Error('storage blocked');
      return key === 'gradcanvas.lang' ? saved : null;
    },
  };
  const document = { createElement: () => ({ rel: '', href: '' }), head: { appendChild: (l: { rel: string; href: string }) => links.push(l) } };
  new Function('localStorage', 'navigator', 'document', preloadScript(FILES, 'gradcanvas.lang'))(localStorage, { language: browser }, document);
  return links.map((l) => `${l.rel} ${l.href}`);
}

describe('the head script that preloads the page’s strings', () => {
  it('preloads the saved language, else Japanese for a Japanese browser, else English, as the page chooses (src/i18n/language.ts)', () => {
    expect(preloaded('ja', 'en-US')).toEqual(['modulepreload /assets/strings-ja.js']);
    expect(preloaded('en', 'ja-JP')).toEqual(['modulepreload /assets/strings-en.js']);
    expect(preloaded(null, 'ja-JP')).toEqual(['modulepreload /assets/strings-ja.js']);
    expect(preloaded('fr', 'en-GB')).toEqual(['modulepreload /assets/strings-en.js']);
    expect(preloaded('blocked', 'ja')).toEqual(['modulepreload /assets/strings-ja.js']);
  });
});

describe('languageStrings', () => {
  it('takes one language of every exported { en, ja } message, and refuses a module whose exports are not, naming the string', () => {
    expect(languageStrings({ shell: { 'a.b': { en: 'Undo', ja: '元に戻す' } }, edits: { 'c.d': { en: 'Redo', ja: 'やり直す' } } }, 'ja')).toEqual({ 'a.b': '元に戻す', 'c.d': 'やり直す' });
    expect(() => languageStrings({ shell: { 'a.b': { en: 'Undo' } } }, 'ja')).toThrow('shell.a.b has no ja text');
  });
});
