import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type SchemaObject, schemaObjects } from '../testing/schemaFields';
import { graphFileSchema } from './schema';

// docs/graph-format.md documents every field of the file: each object of the schema has a
// table, marked `<!-- fields: PATH -->` (or `PATH (variant, …)` for tagged variants), whose
// first column lists exactly that object's fields, and whose default column says **required**
// exactly for the fields a file must give.

const DOC = readFileSync(new URL('../../docs/graph-format.md', import.meta.url), 'utf8');
const REQUIRED = '**required**';

/** One documented table: the object it documents, and its rows as field → default cell. */
interface DocTable {
  readonly path: string;
  readonly variants: readonly string[];
  readonly rows: ReadonlyMap<string, string>;
  readonly line: number;
}

/** Every `<!-- fields: … -->` table of the doc. */
function docTables(): DocTable[] {
  const lines = DOC.split('\n');
  const tables: DocTable[] = [];
  lines.forEach((line, i) => {
    const m = /^<!-- fields: (\S+)(?: \(([^)]*)\))? -->$/.exec(line);
    if (!m) return;
    const path = m[1] === '(file)' ? '' : m[1];
    const variants = m[2] ? m[2].split(',').map((v) => v.trim()) : [];
    const header = lines[i + 1].split('|').map((c) => c.trim());
    expect(header.slice(1, 5), `line ${i + 2}: a field table's columns`).toEqual(['field', 'type', 'default', 'meaning']);
    const rows = new Map<string, string>();
    for (let k = i + 3; k < lines.length && lines[k].startsWith('|'); k++) {
      // A `\|` inside a cell is text, not a column break.
      const cells = lines[k].replace(/\\\|/g, '\u0000').split('|').map((c) => c.trim());
      const name = /^`([^`]+)`$/.exec(cells[1])?.[1];
      expect(name, `line ${k + 1}: the first cell names one field in backticks`).toBeDefined();
      rows.set(name as string, cells[3]);
    }
    tables.push({ path, variants, rows, line: i + 1 });
  });
  return tables;
}

const where = (o: { path: string }) => (o.path === '' ? '(file)' : o.path);
const objects = schemaObjects(graphFileSchema);
const tables = docTables();

/** The schema objects a table documents: its path, and its variants when it names them. */
function documented(t: DocTable): SchemaObject[] {
  return objects.filter((o) => o.path === t.path && (t.variants.length === 0 ? o.variant === null : t.variants.includes(o.variant ?? '')));
}

describe('docs/graph-format.md', () => {
  it('has a field table for every object of the schema, and every variant of a tagged one', () => {
    const missing = objects.filter((o) => !tables.some((t) => documented(t).includes(o))).map((o) => `${where(o)}${o.variant ? ` (${o.variant})` : ''}`);
    expect(missing).toEqual([]);
    expect(objects.length).toBeGreaterThanOrEqual(20);
  });

  it('documents no object the schema does not have, and each one once', () => {
    for (const t of tables) {
      expect(documented(t).length, `the table at line ${t.line} (${where(t)})`).toBe(Math.max(1, t.variants.length));
    }
    const keys = tables.flatMap((t) => documented(t).map((o) => `${o.path} ${o.variant}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(tables.map((t) => [`${where(t)}${t.variants.length > 0 ? ` (${t.variants.join(', ')})` : ''}`, t] as const))(
    '%s: the table lists exactly the schema\'s fields',
    (_name, t) => {
      const fields = new Set(documented(t).flatMap((o) => o.fields));
      expect([...t.rows.keys()].sort()).toEqual([...fields].sort());
    },
  );

  it.each(tables.map((t) => [`${where(t)}${t.variants.length > 0 ? ` (${t.variants.join(', ')})` : ''}`, t] as const))(
    '%s: a field is marked **required** exactly when every file must give it',
    (_name, t) => {
      const objs = documented(t);
      for (const [field, cell] of t.rows) {
        const having = objs.filter((o) => o.fields.includes(field));
        const always = having.length === objs.length && having.every((o) => o.required.includes(field));
        const sometimes = having.some((o) => o.required.includes(field));
        expect(cell === REQUIRED, `${where(t)}.${field}: default cell '${cell}'`).toBe(always);
        if (sometimes && !always) expect(cell.startsWith(REQUIRED), `${where(t)}.${field} is required for some variants: '${cell}'`).toBe(true);
        expect(cell, `${where(t)}.${field} has a default or says what absence means`).not.toBe('');
      }
    },
  );
});
