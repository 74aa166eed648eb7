import { describe, expect, it } from 'vitest';
import { compile, CSV_REASONS, type CsvReason, EngineError, FILE_REASONS, type FileReason, type Graph, LEAF_WHATS, openGraphText, parseCsv, PROBLEM_REASONS, type ProblemReason, RUN_REASONS, type RunReason, VALUE_WORDS } from '../../engine';
import { runErrorOf } from '../session/runError';
import { csvMessage } from '../datasets/csvImport';
import { issueLabelKey, PROBLEM_CODES } from '../canvas/problems';
import { MESSAGES } from './testMessages';
import { fileErrorLines, fileErrorText, problemText, runErrorText } from './problemText';
import { translate } from './useT';

const en = (key: string, vars?: Readonly<Record<string, string | number>>) => translate('en', key, vars);
const ja = (key: string, vars?: Readonly<Record<string, string | number>>) => translate('ja', key, vars);
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

const x = { id: 'x', op: 'input', value: { type: 'tensor', shape: [3], data: [1, 2, 3] } } as const;
const y = { id: 'y', op: 'input', value: { type: 'tensor', shape: [2], data: [1, 2] } } as const;

/** Graphs that each break in a way a learner (or a hand-edited file) can, between them covering most reasons. */
const BROKEN: readonly Graph[] = [
  { nodes: [x, { id: 'square', op: 'square' }], edges: [] },
  { nodes: [x, y, { id: 'add', op: 'add' }, { id: 'mse', op: 'mse' }], edges: [{ source: 'x', target: 'add', targetPort: 'a' }, { source: 'y', target: 'add', targetPort: 'b' }, { source: 'x', target: 'mse', targetPort: 'input' }, { source: 'y', target: 'mse', targetPort: 'target' }], loss: 'add' },
  { nodes: [x, x, { id: 'q', op: 'sqaure' }, { id: 's', op: 'sum', attrs: { axis: 5, keepdim: 'yes' } }], edges: [{ source: 'ghost', target: 's', targetPort: 'x' }, { source: 'x', target: 's', targetPort: 'nope' }], loss: 'missing' },
  { nodes: [x, { id: 'l', op: 'linear', attrs: { inFeatures: 2, outFeatures: 1 } }, { id: 'c', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['a'] } }, { id: 'r', op: 'input', value: { type: 'arange', start: 0, end: 1, step: -1 } }], edges: [{ source: 'x', target: 'l', targetPort: 'x' }] },
];

describe('problemText', () => {
  it('every problem code the engine has is labelled in English and Japanese', () => {
    for (const code of PROBLEM_CODES) {
      const key = issueLabelKey({ code, reason: 'no_loss', params: {}, message: '', severity: 'error' });
      expect(MESSAGES[key]?.en.trim(), key).toBeTruthy();
      expect(MESSAGES[key]?.ja.trim(), key).toBeTruthy();
    }
  });

  it('every sentence the engine can tell a problem in has an English and a Japanese wording with the same parameters', () => {
    const reasons = Object.keys(PROBLEM_REASONS) as ProblemReason[];
    expect(reasons.length).toBeGreaterThan(40);
    for (const reason of reasons) {
      const m = MESSAGES[`problem.${reason}`];
      expect(m, `problem.${reason} has no wording`).toBeDefined();
      expect(placeholders(m.en), reason).toEqual(placeholders(PROBLEM_REASONS[reason]));
      expect(placeholders(m.ja), reason).toEqual(placeholders(PROBLEM_REASONS[reason]));
      expect(m.en, reason).toBe(PROBLEM_REASONS[reason]);
      expect(m.ja, reason).not.toBe(m.en);
    }
    for (const what of LEAF_WHATS) expect(MESSAGES[`problem.what.${what}`]?.ja, what).toBeTruthy();
    for (const [word, text] of Object.entries(VALUE_WORDS)) {
      expect(MESSAGES[`problem.value.${word}`]?.en, word).toBe(text);
      expect(MESSAGES[`problem.value.${word}`]?.ja, word).not.toBe(text);
    }
  });

  it('the English wording of real problems is the engine’s own sentence, and the Japanese one names the same node and port', () => {
    let seen = 0;
    for (const graph of BROKEN) {
      for (const p of compile(graph).problems) {
        seen++;
        expect(problemText(en, p)).toBe(p.message);
        const words = problemText(ja, p);
        expect(words).not.toMatch(/\b(is|has|the|needs|must|got|not|which|of)\b/);
        if (p.node !== undefined && p.reason !== 'duplicate_id') expect(words).toContain(p.node);
      }
    }
    expect(seen).toBeGreaterThan(12);
  });

  it('an unconnected input reads in Japanese with the node and the port', () => {
    const [p] = compile(BROKEN[0]).problems.filter((q) => q.code === 'missing_input');
    expect(problemText(ja, p)).toBe('square の入力 x に何もつながっていません');
    expect(problemText(en, p)).toBe('square.x is not connected');
  });

  it('a file’s problem line keeps its path and words the problem in the page’s language; other file errors stay as written', () => {
    const [p] = compile(BROKEN[0]).problems;
    expect(fileErrorText(ja, { path: 'nodes[1]', message: p.message, code: p.code, reason: p.reason, params: p.params })).toBe('nodes[1]: square の入力 x に何もつながっていません');
    expect(fileErrorText(ja, { path: 'nodes', message: 'must be a list' })).toBe('nodes: must be a list');
  });

  it('every sentence a run can stop with has an English and a Japanese wording with the same parameters', () => {
    for (const reason of Object.keys(RUN_REASONS) as RunReason[]) {
      const m = MESSAGES[`run.${reason}`];
      expect(m, `run.${reason} has no wording`).toBeDefined();
      expect(placeholders(m.en), reason).toEqual(placeholders(RUN_REASONS[reason]));
      expect(placeholders(m.ja), reason).toEqual(placeholders(RUN_REASONS[reason]));
      expect(m.en, reason).toBe(RUN_REASONS[reason]);
      expect(m.ja, reason).not.toBe(m.en);
    }
  });

  it('bce fed a number outside [0, 1] stops the run with a Japanese sentence naming the node and the element', () => {
    const graph: Graph = {
      nodes: [
        { id: 'p', op: 'input', value: { type: 'tensor', shape: [2], data: [0.5, 2] } },
        { id: 't', op: 'input', value: { type: 'tensor', shape: [2], data: [0, 1] } },
        { id: 'loss', op: 'bce' },
      ],
      edges: [{ source: 'p', target: 'loss', targetPort: 'input' }, { source: 't', target: 'loss', targetPort: 'target' }],
      loss: 'loss',
    };
    const program = compile(graph).program!;
    let error: unknown;
    try {
      program.forward();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    const run = runErrorOf(error);
    expect(runErrorText(en, run)).toBe(run.message);
    expect(runErrorText(ja, run)).toBe('loss：bce の入力は [0, 1] の確率でなければなりませんが、要素 1 が 2 です（sigmoid を通しましたか？）');
    expect(run.node).toBe('loss');
  });

  it('a file error the engine tells only in English is named by its place on a Japanese page, its words folded into the technical detail', () => {
    const [p] = compile(BROKEN[0]).problems;
    const errors = [{ path: 'nodes[0].position', message: 'expected object, received undefined' }, { path: 'nodes[1]', message: p.message, code: p.code, reason: p.reason, params: p.params }];
    expect(fileErrorLines('en', errors)).toEqual({ details: ['nodes[0].position: expected object, received undefined', 'nodes[1]: square.x is not connected'] });
    expect(fileErrorLines('ja', errors)).toEqual({
      details: ['「nodes[0].position」：ファイルのこの箇所を読み込めません（下の「技術的な詳細」を参照）', '「nodes[1]」：square の入力 x に何もつながっていません'],
      technical: 'nodes[0].position: expected object, received undefined',
    });
  });

  it('every sentence a CSV file can be refused with has both wordings, naming the line (and column) as the command line does', () => {
    for (const reason of Object.keys(CSV_REASONS) as CsvReason[]) {
      const m = MESSAGES[`csv.${reason}`];
      expect(m, `csv.${reason} has no wording`).toBeDefined();
      const where = m.en.includes('{column}') ? 'line {line}, column {column}: ' : 'line {line}: ';
      expect(m.en, reason).toBe(where + CSV_REASONS[reason]);
      expect(m.ja, reason).not.toBe(m.en);
    }
    const r = parseCsv('a,b\n1,2\n3,x\n');
    if (r.ok) throw new Error('x is not a number');
    const message = csvMessage(r.errors[0]);
    if (typeof message === 'string') throw new Error('a CSV error is worded by key');
    expect(translate('ja', message.key, message.vars)).toBe("3 行目、列 b：'x' は数値ではありません");
  });

  it('an attribute given a list is described in Japanese too', () => {
    const [p] = compile({ nodes: [x, { id: 's', op: 'sum', attrs: { keepdim: [1] as never } }], edges: [{ source: 'x', target: 's', targetPort: 'x' }] }).problems;
    expect(p.message).toBe('s.keepdim must be true or false, got a list');
    expect(problemText(ja, p)).toBe('s の属性 keepdim は真偽値でなければなりませんが、リストです');
  });

  it('every sentence a file is refused with before its schema has both wordings, and a file of another kind reads in Japanese', () => {
    for (const reason of Object.keys(FILE_REASONS) as FileReason[]) {
      const m = MESSAGES[`problem.${reason}`];
      expect(m, `problem.${reason} has no wording`).toBeDefined();
      expect(m.en, reason).toBe(FILE_REASONS[reason]);
      expect(m.ja, reason).not.toBe(m.en);
    }
    const r = openGraphText(JSON.stringify({ format: 'something-else', version: 1 }));
    if (r.ok) throw new Error('not a GradCanvas file');
    expect(fileErrorLines('ja', r.errors)).toEqual({ details: ['「format」："gradcanvas-graph" でなければなりませんが、\'something-else\' です。GradCanvas のグラフのファイルではありません'] });
    expect(fileErrorLines('en', r.errors).details).toEqual(['format: must be "gradcanvas-graph", got \'something-else\': this is not a GradCanvas graph file']);
  });
});
