// The first screen's JavaScript weight, read from a Vite build: the entry chunk, the chunks it
// imports statically, and the strings of the page's language, which it imports dynamically but
// waits for before the first document opens (the heavier language counts; other dynamic imports
// load later, when first used), gzip-compressed as a web server sends it (zlib's default level),
// in kB of 1,000 bytes as Vite's build report prints them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The most gzip bytes of JavaScript the first screen may load. It is about 248 kB: React DOM
 * (~64 kB), React Flow with its d3 parts (~60 kB), zod's mini build (~11 kB), the first screen's
 * strings in the page's language (~12 kB in Japanese, ~10 kB in English), the engine (ops,
 * compile, the file format), the session and the editor's own views. The lessons, the step
 * explanation and PyTorch view, the panels, the node editors and their strings, and the other
 * language's strings load on first use. Lower it as the first screen gets lighter; the goal is 200 kB.
 */
export const FIRST_SCREEN_BUDGET = 251_000;

/** One chunk as Vite's build manifest (`build.manifest: true`) describes it. */
export interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/** Vite's build manifest: chunks keyed by their source path (or a generated name). */
export type Manifest = Readonly<Record<string, ManifestChunk>>;

/** One JavaScript file the first screen loads, with its size raw and gzip-compressed. */
export interface ChunkSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

/** A source module and the share of the minified output it accounts for. */
export interface ModuleShare {
  readonly module: string;
  readonly bytes: number;
}

/** What the first screen loads: its chunks, their totals, and the modules that weigh most. */
export interface FirstScreenReport {
  /** The language whose strings are counted (the heavier one), or null when the build has no per-language strings. */
  readonly language: string | null;
  readonly chunks: readonly ChunkSize[];
  readonly raw: number;
  readonly gzip: number;
  readonly modules: readonly ModuleShare[];
}

/** The manifest's keys of `key` and every chunk it imports statically, leaving out those already `seen` (which gains them). */
function closureOf(manifest: Manifest, key: string, seen: string[]): string[] {
  const added: string[] = [];
  const visit = (k: string): void => {
    if (seen.includes(k)) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`The build manifest names an import it does not list: ${k}`);
    seen.push(k);
    added.push(k);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return added;
}

/** The manifest's keys of the entry chunk and every chunk it imports statically, entry first. */
export function staticClosure(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  if (entries.length !== 1) throw new Error(`The build manifest has ${entries.length} entry chunks; the size budget expects exactly one (index.html).`);
  return closureOf(manifest, entries[0], []);
}

/** A module of one language's first-screen strings (`src/i18n/firstScreenMessages.ts?lang=ja`, scripts/oneLanguage.ts). */
const LANGUAGE_STRINGS = /\?lang=(\w+)$/;

/**
 * The strings of each language the first screen downloads before its first document opens: per
 * language, the manifest's keys of the strings chunk the static closure imports and of its own
 * static imports not already in the closure.
 */
export function languageClosures(manifest: Manifest): Map<string, string[]> {
  const closure = staticClosure(manifest);
  const byLanguage = new Map<string, string[]>();
  for (const key of closure) {
    for (const dynamic of manifest[key].dynamicImports ?? []) {
      const lang = LANGUAGE_STRINGS.exec(dynamic)?.[1];
      if (lang && !byLanguage.has(lang)) byLanguage.set(lang, closureOf(manifest, dynamic, [...closure]));
    }
  }
  return byLanguage;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment's base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/** The bytes of generated code each source accounts for, from a source map over that code (bytes of unmapped code are left out). */
export function moduleShares(code: string, map: { sources: readonly string[]; mappings: string }): Map<string, number> {
  const shares = new Map<string, number>();
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    const segments: { column: number; source: number | null }[] = [];
    for (const segment of lineMappings.split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        segments.push({ column, source });
      } else segments.push({ column, source: null });
    }
    segments.forEach((s, i) => {
      if (s.source === null) return;
      const end = segments[i + 1]?.column ?? line.length;
      const name = map.sources[s.source];
      // Columns count UTF-16 units; minified output is ASCII but for string contents, close enough for ranking.
      shares.set(name, (shares.get(name) ?? 0) + Math.max(0, end - s.column));
    });
  });
  return shares;
}

/** Shortens a source path from a map to what names the module: the package for dependencies, the path for our own files. */
export function moduleName(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return source.replace(/^(\.\.\/)+/, '');
}

/** The build manifest of the build in `outDir` (written with `build.manifest: true`). */
export function readManifest(outDir: string): Manifest {
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build manifest at ${manifestPath}: build first (npx vite build --outDir ${outDir}).`);
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}

/** The JavaScript files of these manifest keys, as paths inside the build. */
function scriptFiles(manifest: Manifest, keys: readonly string[]): string[] {
  return keys.map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

/** The JavaScript files the first screen may load, as paths inside the build: the entry chunk, its static imports, and the strings of every language. */
export function firstScreenFiles(manifest: Manifest): string[] {
  return scriptFiles(manifest, [...staticClosure(manifest), ...[...languageClosures(manifest).values()].flat()]);
}

/** Measures the JavaScript the built page's first screen loads, from the build in `outDir`: in the language whose strings weigh more. */
export function measureFirstScreen(outDir: string): FirstScreenReport {
  const manifest = readManifest(outDir);
  const gzipOf = (file: string) => gzipSync(readFileSync(join(outDir, file))).length;
  let language: string | null = null;
  let languageFiles: string[] = [];
  for (const [lang, keys] of languageClosures(manifest)) {
    const files = scriptFiles(manifest, keys);
    const weight = (fs: string[]) => fs.reduce((sum, f) => sum + gzipOf(f), 0);
    if (language === null || weight(files) > weight(languageFiles)) {
      language = lang;
      languageFiles = files;
    }
  }
  const files = [...scriptFiles(manifest, staticClosure(manifest)), ...languageFiles];
  const modules = new Map<string, number>();
  const chunks = files.map((file): ChunkSize => {
    const code = readFileSync(join(outDir, file));
    const mapPath = join(outDir, `${file}.map`);
    if (existsSync(mapPath)) {
      const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string };
      for (const [source, bytes] of moduleShares(code.toString('utf8'), map)) {
        const name = moduleName(source);
        modules.set(name, (modules.get(name) ?? 0) + bytes);
      }
    }
    return { file, raw: code.length, gzip: gzipSync(code).length };
  });
  return {
    language,
    chunks,
    raw: chunks.reduce((sum, c) => sum + c.raw, 0),
    gzip: chunks.reduce((sum, c) => sum + c.gzip, 0),
    modules: [...modules].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}

/** Kilobytes (1,000 bytes) with one decimal, as Vite's build report prints them. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The report in words: every chunk, the total, and the `top` heaviest modules. */
export function describeFirstScreen(report: FirstScreenReport, top = 12): string {
  const rows = report.chunks.map((c) => `  ${c.file}  ${kb(c.raw)} raw, ${kb(c.gzip)} gzip`);
  const heaviest = report.modules.slice(0, top).map((m) => `  ${m.module}  ${kb(m.bytes)} minified`);
  return [
    `First-screen JavaScript: ${kb(report.raw)} raw, ${kb(report.gzip)} gzip in ${report.chunks.length} file(s)${report.language ? `, with the strings in ${report.language} (the heavier language)` : ''}`,
    ...rows,
    `Heaviest modules in it:`,
    ...heaviest,
  ].join('\n');
}

/** Null when the first screen is within `budget` gzip bytes; otherwise what is over and the heaviest modules to look at. */
export function budgetProblem(report: FirstScreenReport, budget = FIRST_SCREEN_BUDGET): string | null {
  if (report.gzip <= budget) return null;
  return `The first screen loads ${kb(report.gzip)} gzip of JavaScript, over the ${kb(budget)} budget by ${kb(report.gzip - budget)}. Load what the first screen does not show with import() or React.lazy.\n${describeFirstScreen(report)}`;
}
