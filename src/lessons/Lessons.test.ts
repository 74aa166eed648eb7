import { readFileSync } from 'node:fs';
import { noticeText } from '../shell/noticeText';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../shell/testStorage';
import { testWorkspace } from '../shell/testWorkspace';
import { openPageText, refuseFromOutside } from '../store/persistence';
import { example } from '../stepper/testGraphs';
import { importCsvText } from '../datasets/csvImport';
import { importPython } from '../../engine';
import { Lessons } from './Lessons';
import { type Lesson, lessonSchema } from './schema';
import { PROGRESS_KEY } from './progress';

/** Lessons on a test workspace; examples come from public/examples, tabs shown are recorded. */
function setup(options: { storage?: MemoryStorage; doc?: string; course?: readonly Lesson[] } = {}) {
  const memory = options.storage ?? new MemoryStorage();
  const { ws, session } = testWorkspace({ storage: memory, doc: options.doc ? example(options.doc) : undefined });
  const tabs: string[] = [];
  const fits: (readonly string[])[] = [];
  const lessons = new Lessons({
    fitView: (focus, setUp) => void setUp.then((carryOut) => carryOut && fits.push(focus)),
    ws,
    storage: memory.storage,
    lang: () => 'en',
    fetchExample: async (file) => refuseFromOutside(openPageText(readFileSync(`public/examples/${file}`, 'utf8'))),
    fetchData: async (file) => importCsvText(file, readFileSync(`public/data/${file}`, 'utf8')),
    showTab: (list, tab) => tabs.push(`${list}.${tab}`),
    course: options.course,
  });
  return { ws, session, lessons, memory, tabs, fits };
}

const stored = (m: MemoryStorage) => JSON.parse(m.getItem(PROGRESS_KEY) ?? 'null') as unknown;

describe('Lessons', () => {
  it('start runs the lesson’s set-up (the example opens as a new document) and shows step 1', async () => {
    const { lessons, session } = setup({ doc: 'sigmoid-function' });
    await lessons.start('backward');
    expect(session.state.history.present.name).toBe('Composite function y = 2x² + 2');
    expect(session.state.history.past.length, 'the learner’s graph is one Undo away').toBe(1);
    expect(lessons.snapshot()).toEqual({ id: 'backward', step: 1, done: [], hint: false });
    expect(lessons.state.panelOpen).toBe(true);
  });

  it('a step is done when the state passes its checks, and the progress is saved', async () => {
    const { lessons, session, memory } = setup();
    await lessons.start('backward');
    session.backward();
    expect(lessons.snapshot()).toMatchObject({ step: 1, done: [1], hint: false });
    expect(stored(memory)).toMatchObject({ done: { backward: [1] }, open: { id: 'backward', step: 1 } });
    await lessons.goTo(2);
    session.backward();
    expect(lessons.snapshot()).toMatchObject({ step: 2, done: [1, 2] });
  });

  it('a wrong attempt does not complete the step and shows the hint; the right one clears it', async () => {
    const { lessons, session } = setup();
    await lessons.start('backward');
    session.backward();
    await lessons.goTo(2);
    expect(lessons.snapshot()).toMatchObject({ step: 2, done: [1], hint: false });
    session.zeroGrad();
    expect(lessons.snapshot()).toMatchObject({ step: 2, done: [1], hint: true });
    session.backward();
    session.backward();
    expect(lessons.snapshot()).toMatchObject({ step: 2, done: [1, 2], hint: false });
  });

  it('no hint right after dropping a node or selecting it; a hint once a value is set that fails the check', async () => {
    const { lessons, session } = setup();
    await lessons.start('functions');
    session.edit('add input', (d) => void d.nodes.push({ id: 'x', op: 'input', position: { x: 0, y: 0 } }));
    session.select(['x']);
    expect(lessons.snapshot()).toMatchObject({ step: 1, done: [], hint: false });
    session.edit('value', (d) => {
      d.nodes[0].value = { type: 'arange', start: -2, end: 2, step: 0.25 };
    });
    expect(lessons.snapshot()).toMatchObject({ step: 1, done: [], hint: true });
    session.edit('value', (d) => {
      d.nodes[0].value = { type: 'arange', start: -2, end: 2.1, step: 0.25 };
    });
    expect(lessons.snapshot()).toMatchObject({ step: 1, done: [1], hint: false });
  });

  it('a step’s set-up is not an attempt: a lesson that opens an example shows no hint until the learner acts', async () => {
    const { lessons, session } = setup();
    await lessons.start('partial-derivatives');
    expect(lessons.snapshot()).toMatchObject({ step: 1, done: [], hint: false });
    session.forward();
    expect(lessons.snapshot(), 'Forward is not what the step asks for').toMatchObject({ hint: false });
    session.zeroGrad();
    expect(lessons.snapshot(), 'Zero grad clears .grad: an attempt that fails').toMatchObject({ done: [], hint: true });
  });

  it('a lesson that opens its graph fits the canvas view on the nodes it is about; a step without set-up leaves the view', async () => {
    const { lessons, fits } = setup();
    await lessons.start('partial-derivatives');
    expect(fits).toEqual([['W', 'B', 'Yp']]);
    await lessons.goTo(2);
    expect(fits, 'the learner’s view stays').toHaveLength(1);
    await lessons.start('functions');
    expect(fits, 'an empty canvas has nothing to fit').toHaveLength(1);
  });

  it('a lesson left while its graph is still opening does not fit the view afterwards', async () => {
    const { lessons, fits } = setup();
    const starting = lessons.start('partial-derivatives');
    lessons.leave();
    await starting;
    expect(fits).toEqual([]);
  });

  it('the step-through counts: a step is judged again as events are shown and grad_fn labels switched on', async () => {
    const stepThrough = lessonSchema.parse({
      id: 'step-through',
      number: 1,
      title: { en: 'Step-through', ja: 'ステップ実行' },
      goal: { en: 'Show the forward pass.', ja: '順伝播を表示する。' },
      setup: [{ do: 'openExample', file: 'composite-function.json' }],
      focus: ['x'],
      steps: [
        { text: { en: 'Step.', ja: '進める。' }, hint: { en: 'Step.', ja: '進める。' }, check: [{ predicate: 'stepPhaseShown', phase: 'loss' }] },
        { text: { en: 'Label.', ja: 'ラベル。' }, hint: { en: 'Label.', ja: 'ラベル。' }, check: [{ predicate: 'gradFnLabels', on: true }] },
        { text: { en: 'Backward.', ja: '逆伝播。' }, hint: { en: 'Backward.', ja: '逆伝播。' }, check: [{ predicate: 'stepPhaseShown', phase: 'backward' }] },
      ],
    });
    const { lessons, session } = setup({ course: [stepThrough] });
    await lessons.start('step-through');
    for (let k = 0; k < 4; k++) session.step();
    expect(lessons.snapshot()).toMatchObject({ step: 1, done: [] });
    session.step();
    expect(lessons.snapshot()).toMatchObject({ step: 1, done: [1] });
    await lessons.goTo(2);
    session.setGradFnLabels(true);
    expect(lessons.snapshot()).toMatchObject({ step: 2, done: [1, 2] });
  });

  it('Define-by-Run opens an empty canvas and the Code tab with the course’s code waiting for the code panel; each statement run is judged', async () => {
    const { lessons, session, tabs } = setup({ doc: 'composite-function' });
    await lessons.start('define-by-run');
    expect(session.state.history.present.nodes).toEqual([]);
    expect(tabs).toContain('dock.code');
    const code = session.state.codeOffer;
    expect(code).toContain('y = 2 * x**2 + 2');
    session.takeCodeOffer();
    expect(session.state.codeOffer, 'taken by the panel, it no longer waits').toBeNull();
    const statements = importPython(code ?? '').statements;
    for (const [k, done] of [[0, []], [1, [1]]] as const) {
      session.edit('run one statement', () => statements[k].file);
      expect(lessons.snapshot()).toMatchObject({ step: 1, done });
    }
  });

  it('a lesson that loads course data puts it in the Data panel as Import does, with the guessed roles', async () => {
    const { lessons, session, tabs } = setup({ doc: 'composite-function' });
    await lessons.start('nn-modules', 3);
    expect(session.state.history.present.nodes, 'the step starts on an empty canvas').toEqual([]);
    const draft = session.state.datasets.draft;
    expect(draft?.name).toBe('boston_rm_price');
    expect(draft?.dataset.columns).toEqual(['RM', 'PRICE']);
    expect(draft?.dataset.rows).toHaveLength(506);
    expect(draft?.roles).toEqual({ RM: 'feature', PRICE: 'target' });
    expect(tabs).toContain('side.data');
    await lessons.goTo(4);
    expect(session.state.datasets.draft?.dataset.columns).toEqual(['RM', 'LSTAT', 'PRICE']);
  });

  it('a course data file that cannot be downloaded is said in the Data panel; the graph stays', async () => {
    const memory = new MemoryStorage();
    const { ws, session } = testWorkspace({ storage: memory, doc: example('composite-function') });
    const lessons = new Lessons({
      ws,
      storage: memory.storage,
      lang: () => 'en',
      fetchExample: async (file) => refuseFromOutside(openPageText(readFileSync(`public/examples/${file}`, 'utf8'))),
      fetchData: async (file) => ({ ok: false, messages: [{ key: 'datasets.err.download', vars: { file, reason: 'HTTP 404' } }] }),
      showTab: () => undefined,
    });
    await lessons.start('nn-modules', 4);
    expect(session.state.datasets.draft).toBeNull();
    expect(session.state.datasets.errors).toEqual([{ key: 'datasets.err.download', vars: { file: 'boston_rm_lstat_price.csv', reason: 'HTTP 404' } }]);
    expect(session.state.history.present.nodes.map((n) => n.id)).toContain('linear');
  });

  it('a step-level set-up opens a tab; opening a lesson link to a step starts there', async () => {
    const { lessons, tabs } = setup();
    expect(lessons.openLink('#lesson=gradient-descent/2')).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    await expect.poll(() => lessons.snapshot()).toMatchObject({ id: 'gradient-descent', step: 2 });
    expect(tabs).toEqual(['dock.plots']);
  });

  it('an unknown, malformed or out-of-range lesson link opens nothing: the graph stays and the notice says why', () => {
    const { lessons, session } = setup({ doc: 'sigmoid-function' });
    const doc = session.state.history.present;
    expect(lessons.openLink('#lesson=nope/1')).toBe(false);
    expect(noticeText('en', session.state.notice)?.text).toBe('There is no lesson “nope”; the open graph is unchanged. The Lessons button lists every lesson.');
    expect(lessons.openLink('#lesson=backward/9')).toBe(false);
    expect(noticeText('en', session.state.notice)?.text).toBe('The lesson “backward() and .grad” has no step 9 (it has 4); the open graph is unchanged.');
    expect(lessons.openLink(`#lesson=<img src=x onerror=alert(1)>${'a'.repeat(500)}`)).toBe(false);
    expect(noticeText('en', session.state.notice)?.text).toMatch(/^“<img src=x onerror=alert\(1\)>a+…” is not a lesson link/);
    expect(noticeText('en', session.state.notice)!.text.length).toBeLessThan(200);
    expect(lessons.openLink('#lesson=%E0%A4%A')).toBe(false);
    expect(lessons.openLink('#graph=abc'), 'not a lesson link at all').toBe(false);
    expect(session.state.history.present).toBe(doc);
    expect(lessons.snapshot()).toBeNull();
  });

  it('leaving a lesson keeps the learner’s graph', async () => {
    const { lessons, session } = setup();
    await lessons.start('backward');
    session.backward();
    const doc = session.state.history.present;
    lessons.leave();
    expect(lessons.snapshot()).toBeNull();
    expect(session.state.history.present).toBe(doc);
    expect(session.state.run.backwardCount).toBe(1);
  });

  it('progress survives a reload; damaged or unreadable storage starts fresh without failing', async () => {
    const memory = new MemoryStorage();
    const first = setup({ storage: memory });
    await first.lessons.start('backward');
    first.session.backward();
    const again = setup({ storage: memory });
    expect(again.lessons.snapshot()).toMatchObject({ id: 'backward', step: 1, done: [1] });
    for (const text of ['{not json', '[]', '{"done": {"backward": "all"}, "open": {"id": 3}}', 'null']) {
      memory.setItem(PROGRESS_KEY, text);
      const s = setup({ storage: memory });
      expect(s.lessons.snapshot(), text).toBeNull();
      expect(s.lessons.state.progress.done, text).toEqual({});
    }
    memory.setItem(PROGRESS_KEY, JSON.stringify({ done: { backward: [1, 2] }, open: { id: 'removed-lesson', step: 1 }, welcomeSeen: true }));
    const kept = setup({ storage: memory });
    expect(kept.lessons.snapshot(), 'a lesson no longer in the course is not open').toBeNull();
    expect(kept.lessons.state.progress).toMatchObject({ done: { backward: [1, 2] }, welcomeSeen: true });
    const full = new MemoryStorage(10);
    const cramped = setup({ storage: full });
    await cramped.lessons.start('backward');
    cramped.session.backward();
    expect(cramped.lessons.snapshot(), 'storage refusing the write does not stop the lesson').toMatchObject({ done: [1] });
  });

  it('the welcome shows once: dismissed, or answered by opening a file, it never shows again', () => {
    const memory = new MemoryStorage();
    const a = setup({ storage: memory });
    a.lessons.offerWelcome();
    expect(a.lessons.state.welcomeOpen).toBe(true);
    a.lessons.dismissWelcome();
    expect(a.lessons.state.welcomeOpen).toBe(false);
    const b = setup({ storage: memory });
    b.lessons.offerWelcome();
    expect(b.lessons.state.welcomeOpen).toBe(false);

    const c = setup();
    c.lessons.offerWelcome();
    c.session.open(example('sigmoid-function'), 'import sigmoid.json');
    expect(c.lessons.state.welcomeOpen).toBe(false);
    expect(c.lessons.state.progress.welcomeSeen).toBe(true);
  });

  it('starting lesson 1 from the welcome clears the canvas (the graph stays in Recent) and closes the welcome', async () => {
    const { lessons, session } = setup({ doc: 'composite-function' });
    lessons.offerWelcome();
    await lessons.start('functions');
    expect(session.state.history.present.nodes).toEqual([]);
    expect(lessons.state.welcomeOpen).toBe(false);
    expect(lessons.snapshot()).toMatchObject({ id: 'functions', step: 1, done: [] });
  });
});
