import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadGraphFile, PAGE_MAX_NODES } from '../../engine';
import { createNode, emptyDocument } from './edits';
import { decodeSession, encodeSession, openPageText, peekSession, refuseFromOutside, SHARE_PREFIX } from './persistence';
import { decodeShare, encodeShare, shareText } from './shareLink';

const text = readFileSync(new URL('../../public/examples/linear-regression-module.json', import.meta.url), 'utf8');
const example = () => {
  const r = loadGraphFile(text);
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

/** A share link's hash for any bytes, as encodeShare writes one. */
const hashOf = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return SHARE_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** A chain input → square → square → … of `n` nodes, as a graph file's text. */
const chain = (n: number) => {
  const base = JSON.parse(text) as Record<string, unknown>;
  const nodes = [{ id: 'n0', op: 'input', position: { x: 0, y: 0 }, value: { type: 'tensor', shape: [], data: [1] } }];
  const edges = [];
  for (let i = 1; i < n; i++) {
    nodes.push({ id: `n${i}`, op: 'square', position: { x: i * 10, y: 0 } } as (typeof nodes)[number]);
    edges.push({ source: `n${i - 1}`, target: `n${i}`, targetPort: 'x' });
  }
  return JSON.stringify({ ...base, nodes, edges, loss: `n${n - 1}`, datasets: {} });
};

describe('openPageText', () => {
  it('openPageText(file) opens the whole file with its graph problems', () => {
    expect(openPageText(text)).toEqual({ ok: true, file: example(), problems: [] });
  });

  it('openPageText(graph above the page limit) names the limit and opens nothing', () => {
    const r = openPageText(chain(PAGE_MAX_NODES + 1));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.message).join('\n')).toMatch(/10,?000/);
  });

  it('openPageText(not JSON) lists the reason, never throws', () => {
    const r = openPageText('{"format": ');
    expect(r).toMatchObject({ ok: false, errors: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
  });
});

describe('sessions', () => {
  it('encodeSession then decodeSession gives back the graph, selection and viewport', () => {
    const s = { doc: example(), selection: ['linear'], viewport: { x: 10, y: -5, zoom: 1.5 } };
    expect(decodeSession(encodeSession(s))).toEqual({ ok: true, session: s, problems: [] });
  });

  it('decodeSession(work in progress with an unconnected port) restores it with its problem', () => {
    const doc = emptyDocument();
    doc.nodes.push(createNode('square', 'square', { x: 0, y: 0 }));
    const r = decodeSession(encodeSession({ doc, selection: [], viewport: null }));
    expect(r.ok && r.session.doc.nodes).toHaveLength(1);
    expect(r.ok && r.problems).toEqual([{ path: 'nodes[0]', message: 'square.x is not connected', code: 'missing_input', reason: 'missing_input', params: { node: 'square', port: 'x' } }]);
  });

  it('decodeSession(unreadable data) says why in plain words; a bad viewport or selection is dropped', () => {
    expect(decodeSession('{not json')).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('not valid JSON') }] });
    expect(decodeSession('{"file": 3}')).toMatchObject({ ok: false, errors: [{ path: 'file' }] });
    const s = JSON.parse(encodeSession({ doc: example(), selection: [], viewport: null })) as Record<string, unknown>;
    const r = decodeSession(JSON.stringify({ ...s, selection: ['linear', 7], viewport: { x: 'a', y: 0, zoom: 1 } }));
    expect(r.ok && r.session.selection).toEqual(['linear']);
    expect(r.ok && r.session.viewport).toBeNull();
  });

  it('peekSession(text) reads the name without opening the graph, and tells unreadable text apart', () => {
    expect(peekSession(encodeSession({ doc: example(), selection: [], viewport: null }))).toEqual({ readable: true, name: 'Linear regression with nn.Linear' });
    expect(peekSession('{"file": "{cut')).toEqual({ readable: false, name: null });
  });
});

describe('share links', () => {
  it('a share link round-trips the graph exactly, and a damaged one says so', () => {
    const hash = encodeShare(example());
    expect(hash).toMatch(/^#graph=[A-Za-z0-9_-]+$/);
    expect(decodeShare(hash)).toEqual({ ok: true, file: example(), problems: [] });
    expect(decodeShare(`${hash.slice(0, 40)}xx`)).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/damaged|JSON/) }] });
    expect(decodeShare('#graph=!!!')).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('damaged') }] });
    expect(decodeShare('#other')).toBeNull();
  });

  it('decodeShare(hostile arange(0, 1, 1e-9)) is refused at once, naming the tensor limit; a saved document with it still opens, marked', () => {
    const doc = JSON.parse(text) as { nodes: { op: string; value?: unknown }[] };
    doc.nodes[0].value = { type: 'arange', start: 0, end: 1, step: 1e-9 };
    const started = performance.now();
    const r = decodeShare(hashOf(deflateSync(strToU8(JSON.stringify(doc)))));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'nodes[0].value', message: expect.stringContaining('exceeds the limit of 4,000,000 elements') }] });
    const own = decodeSession(JSON.stringify({ file: JSON.stringify(doc) }));
    expect(own.ok && own.problems.map((p) => p.path)).toEqual(['nodes[0].value']);
    expect(refuseFromOutside(openPageText(text))).toEqual(openPageText(text));
  });

  it('shareText(link that unpacks past the cap) refuses it, naming the cap', () => {
    const hash = hashOf(deflateSync(strToU8(' '.repeat(10_000))));
    expect(shareText(hash, 20_000)).toEqual({ text: ' '.repeat(10_000) });
    expect(shareText(hash, 5_000)).toEqual({ errors: [{ path: '', message: expect.stringContaining('5,000') }] });
  });

  it('decodeShare(a zip bomb of 200 MB of zeros) is refused quickly, without unpacking it all', () => {
    const bomb = hashOf(deflateSync(new Uint8Array(200 * 1024 * 1024), { level: 9 }));
    const started = performance.now();
    const r = decodeShare(bomb);
    expect(r).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('67,108,864') }] });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
