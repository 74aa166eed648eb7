import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { budgetProblem, firstScreenFiles, languageClosures, type Manifest, measureFirstScreen, moduleName, moduleShares, staticClosure } from './sizeBudget';

/** A build with an entry that imports `shared` and `vendor` statically and a panel dynamically; the panel imports `shared` too. */
const MANIFEST: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js', '_vendor.js'], dynamicImports: ['src/Panel.tsx'] },
  '_shared.js': { file: 'assets/shared.js', imports: ['_vendor.js'] },
  '_vendor.js': { file: 'assets/vendor.js' },
  'src/Panel.tsx': { file: 'assets/Panel.js', imports: ['_shared.js', '_heavy.js'] },
  '_heavy.js': { file: 'assets/heavy.js' },
  'style.css': { file: 'assets/index.css' },
};

describe('staticClosure', () => {
  it('is the entry and every chunk it imports statically, each once; dynamic imports and their own imports stay out', () => {
    expect(staticClosure(MANIFEST)).toEqual(['index.html', '_shared.js', '_vendor.js']);
  });

  it('refuses a manifest without exactly one entry, and an import the manifest does not list', () => {
    expect(() => staticClosure({ a: { file: 'a.js' } })).toThrow('0 entry chunks');
    expect(() => staticClosure({ a: { file: 'a.js', isEntry: true, imports: ['missing'] } })).toThrow('missing');
  });
});

describe('moduleShares', () => {
  it('gives each source the generated columns its mappings cover, up to the next segment or the end of the line; unmapped code counts for none', () => {
    // Line 1: columns 0–3 from a.ts, 4–5 from b.ts, 6–7 unmapped. Line 2: columns 0–1 from a.ts.
    const shares = moduleShares('abcdefgh\nxy', { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,ICAA,E;ADCA' });
    expect(Object.fromEntries(shares)).toEqual({ 'a.ts': 6, 'b.ts': 2 });
  });
});

describe('moduleName', () => {
  it('names a dependency by its package (with its scope) and our own module by its path', () => {
    expect(moduleName('../../node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react-dom');
    expect(moduleName('../../node_modules/@xyflow/react/dist/esm/index.js')).toBe('@xyflow/react');
    expect(moduleName('../../src/session/Session.ts')).toBe('src/session/Session.ts');
  });
});

describe('measureFirstScreen and budgetProblem', () => {
  /** Writes the manifest's JavaScript files (the entry and `heavy` with maps) into a fresh build folder. */
  function build(): string {
    const out = mkdtempSync(join(tmpdir(), 'gradcanvas-size-'));
    mkdirSync(join(out, '.vite'));
    mkdirSync(join(out, 'assets'));
    writeFileSync(join(out, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    writeFileSync(join(out, 'assets', 'index.js'), 'abcdefgh\nxy');
    writeFileSync(join(out, 'assets', 'index.js.map'), JSON.stringify({ sources: ['../../src/main.tsx', '../../node_modules/zod/v4/index.js'], mappings: 'AAAA,ICAA,E;ADCA' }));
    writeFileSync(join(out, 'assets', 'shared.js'), 'x'.repeat(5000));
    writeFileSync(join(out, 'assets', 'vendor.js'), 'let v = 1;');
    writeFileSync(join(out, 'assets', 'heavy.js'), 'never counted');
    return out;
  }

  it('sums the raw and gzip bytes of the first screen’s files only, and ranks the modules by their share', () => {
    const out = build();
    const r = measureFirstScreen(out);
    expect(r.chunks.map((c) => c.file)).toEqual(['assets/index.js', 'assets/shared.js', 'assets/vendor.js']);
    expect(r.raw).toBe(11 + 5000 + 10);
    expect(r.gzip).toBe([Buffer.from('abcdefgh\nxy'), Buffer.from('x'.repeat(5000)), Buffer.from('let v = 1;')].reduce((n, b) => n + gzipSync(b).length, 0));
    expect(r.modules).toEqual([
      { module: 'src/main.tsx', bytes: 6 },
      { module: 'zod', bytes: 2 },
    ]);
  });

  it('passes within the budget and, over it, says by how much and names the heaviest modules', () => {
    const r = measureFirstScreen(build());
    expect(budgetProblem(r, r.gzip)).toBeNull();
    const problem = budgetProblem(r, r.gzip - 1);
    expect(problem).toContain(`over the ${((r.gzip - 1) / 1000).toFixed(1)} kB budget by 0.0 kB`);
    expect(problem).toMatch(/Heaviest modules in it:\n {2}src\/main\.tsx {2}0\.0 kB minified\n {2}zod/);
  });

  it('says how to get a manifest when the build has none', () => {
    expect(() => measureFirstScreen(mkdtempSync(join(tmpdir(), 'gradcanvas-size-')))).toThrow('No build manifest');
  });
});

describe('the strings of the page’s language', () => {
  /** The entry imports the strings of each language dynamically, and a panel too; the Japanese strings import a shared chunk the entry does not. */
  const LANGUAGES: Manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/i18n/strings.ts?lang=en', 'src/i18n/strings.ts?lang=ja', 'src/Panel.tsx'] },
    '_vendor.js': { file: 'assets/vendor.js' },
    'src/i18n/strings.ts?lang=en': { file: 'assets/strings-en.js', imports: ['_vendor.js'] },
    'src/i18n/strings.ts?lang=ja': { file: 'assets/strings-ja.js', imports: ['_kana.js'] },
    '_kana.js': { file: 'assets/kana.js' },
    'src/Panel.tsx': { file: 'assets/Panel.js' },
  };

  function build(): string {
    const out = mkdtempSync(join(tmpdir(), 'gradcanvas-size-'));
    mkdirSync(join(out, '.vite'));
    mkdirSync(join(out, 'assets'));
    writeFileSync(join(out, '.vite', 'manifest.json'), JSON.stringify(LANGUAGES));
    writeFileSync(join(out, 'assets', 'index.js'), 'entry');
    writeFileSync(join(out, 'assets', 'vendor.js'), 'vendor');
    writeFileSync(join(out, 'assets', 'strings-en.js'), 'export default {"a":"Undo"};');
    writeFileSync(join(out, 'assets', 'strings-ja.js'), 'export default {"a":"元に戻す"};');
    writeFileSync(join(out, 'assets', 'kana.js'), 'あいうえおかきくけこ'.repeat(50));
    writeFileSync(join(out, 'assets', 'Panel.js'), 'never counted');
    return out;
  }

  it('each language’s strings chunk and its own imports the entry does not already load, by language; other dynamic imports stay out', () => {
    expect(Object.fromEntries(languageClosures(LANGUAGES))).toEqual({ en: ['src/i18n/strings.ts?lang=en'], ja: ['src/i18n/strings.ts?lang=ja', '_kana.js'] });
    expect(firstScreenFiles(LANGUAGES)).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/strings-en.js', 'assets/strings-ja.js', 'assets/kana.js']);
  });

  it('the first screen counts the strings of the heavier language, with what they import, and not the other’s', () => {
    const r = measureFirstScreen(build());
    expect(r.language).toBe('ja');
    expect(r.chunks.map((c) => c.file)).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/strings-ja.js', 'assets/kana.js']);
  });

  it('a build without per-language strings counts the static closure and names no language', () => {
    expect(languageClosures(MANIFEST).size).toBe(0);
    expect(firstScreenFiles(MANIFEST)).toEqual(['assets/index.js', 'assets/shared.js', 'assets/vendor.js']);
  });
});
