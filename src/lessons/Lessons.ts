import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadImport } from '../datasets/csvDrop';
import type { CsvImport } from '../datasets/csvImport';
import type { Language } from '../i18n/language';
import { translate } from '../i18n/useT';
import { msg, type Words } from '../i18n/words';
import type { SessionState } from '../session/types';
import { openNew } from '../shell/fileActions';
import { openResult } from '../shell/openDocument';
import type { Workspace } from '../shell/workspace';
import type { PageOpenResult } from '../store/persistence';
import { COURSE } from './course';
import { factsOf, type LessonFacts } from './facts';
import { parseLessonLink } from './lessonLink';
import { attempted, passesAll } from './predicates';
import { type Progress, readProgress, writeProgress } from './progress';
import type { Lesson, Setup } from './schema';

/** The lessons' state: the learner's progress, the hint, and which lesson views show. */
export interface LessonsState {
  readonly progress: Progress;
  /** The learner made a wrong attempt at the open step (docs/lessons.md, "Hints"): its hint shows. */
  readonly hint: boolean;
  /** A set-up is under way (an example downloading). */
  readonly settingUp: boolean;
  readonly panelOpen: boolean;
  readonly welcomeOpen: boolean;
}

/** The open lesson as the test hook reports it: its id, the step shown and the steps done (1-based). */
export interface LessonSnapshot {
  readonly id: string;
  readonly step: number;
  readonly done: readonly number[];
  readonly hint: boolean;
}

/** What the lessons need from the page. */
export interface LessonsOptions {
  readonly ws: Workspace;
  readonly storage: Storage | null;
  readonly lang: () => Language;
  /** Downloads a shipped example (public/examples). */
  readonly fetchExample: (file: string) => Promise<PageOpenResult>;
  /** Downloads a shipped course data file (public/data) and reads it as Import does. */
  readonly fetchData: (file: string) => Promise<CsvImport>;
  /** Shows a tab of a tab list (`dock`, `side`). */
  readonly showTab: (list: string, tab: string) => void;
  /**
   * Asks, as a set-up starts, to fit the canvas view to the graph beside the panel, or when it
   * cannot fit, to centre on `focus` (node ids), once `setUp` settles true; false (the learner
   * moved to another step meanwhile) cancels it.
   */
  readonly fitView?: (focus: readonly string[], setUp: Promise<boolean>) => void;
  /** The course (tests pass their own). */
  readonly course?: readonly Lesson[];
}

/** What a step's checks read, compared by identity: the checks run again only when one of these changed. */
function inputsOf(s: SessionState): readonly unknown[] {
  return [s.history.present, s.compiled, s.run, s.selection, s.liveHistory, s.training.status, s.training.divergence, s.stepper.divergence, s.stepper.events, s.stepper.cursor, s.stepper.gradFnLabels];
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The guided lessons: which lesson and step is open, what the learner has done (kept in
 * local storage), and the judging of each step from the session's state after every change.
 * Set-up actions (open an example, open a tab, select a node, put code in the code panel,
 * load a course data file) go through the page's own open and import paths, so a lesson's
 * graph opens like any other and the learner's stays in Recent.
 */
export class Lessons {
  /** The lessons' state; only this class writes it. */
  readonly store: StoreApi<LessonsState>;
  readonly course: readonly Lesson[];
  private readonly opts: LessonsOptions;
  private inputs: readonly unknown[] = [];
  /** The document when the session last changed, to see an open or an edit while the welcome shows. */
  private lastDoc: unknown = null;
  /** The open step's facts when it was last judged, to tell an attempt from other changes; null when no step is being judged. */
  private before: LessonFacts | null = null;
  private readonly unsubscribe: () => void;
  /** Bumped by every move to another step, so a set-up that finishes late does not act on a step left meanwhile. */
  private moves = 0;

  constructor(opts: LessonsOptions) {
    this.opts = opts;
    this.course = opts.course ?? COURSE;
    const progress = readProgress(opts.storage);
    const open = progress.open && this.lesson(progress.open.id) && progress.open.step <= (this.lesson(progress.open.id)?.steps.length ?? 0) ? progress.open : null;
    this.store = createStore<LessonsState>()(() => ({ progress: { ...progress, open }, hint: false, settingUp: false, panelOpen: open !== null, welcomeOpen: false }));
    this.lastDoc = opts.ws.session.state.history.present;
    this.unsubscribe = opts.ws.session.subscribe((s) => this.sessionChanged(s));
    this.judge();
  }

  /** The state now. */
  get state(): LessonsState {
    return this.store.getState();
  }

  /** Stops following the session. */
  dispose(): void {
    this.unsubscribe();
  }

  /** The lesson with this id in the course. */
  lesson(id: string): Lesson | undefined {
    return this.course.find((l) => l.id === id);
  }

  /** The open lesson and step, for the test hook; null when none is open. */
  snapshot(): LessonSnapshot | null {
    const { progress, hint } = this.state;
    if (!progress.open) return null;
    return { id: progress.open.id, step: progress.open.step, done: [...(progress.done[progress.open.id] ?? [])], hint };
  }

  /** Starts a lesson at a step: the lesson's set-up, then the step's (set-ups of the steps before it are not replayed). */
  async start(id: string, step = 1): Promise<void> {
    const lesson = this.lesson(id);
    if (!lesson) return;
    this.update({ open: { id, step: Math.min(Math.max(1, step), lesson.steps.length) } }, { panelOpen: true, settingUp: true });
    this.dismissWelcome();
    const shown = lesson.steps[this.openStep() - 1];
    await this.setUp([...(lesson.setup ?? []), ...(shown?.setup ?? [])], shown?.focus ?? lesson.focus);
  }

  /** Shows another step of the open lesson, running its set-up. */
  async goTo(step: number): Promise<void> {
    const open = this.state.progress.open;
    const lesson = open && this.lesson(open.id);
    if (!lesson || step < 1 || step > lesson.steps.length) return;
    this.update({ open: { id: lesson.id, step } }, { settingUp: true });
    await this.setUp(lesson.steps[step - 1].setup ?? [], lesson.steps[step - 1].focus);
  }

  /** Closes the lesson; the learner's graph stays as it is. */
  leave(): void {
    this.moves++;
    this.update({ open: null }, { hint: false, settingUp: false });
  }

  /** Shows or hides the Lessons panel (the open lesson stays open). */
  setPanelOpen(open: boolean): void {
    this.store.setState({ panelOpen: open });
  }

  /** Shows the first-visit welcome, unless it was dismissed before. */
  offerWelcome(): void {
    if (!this.state.progress.welcomeSeen) this.store.setState({ welcomeOpen: true });
  }

  /** Hides the welcome for good. */
  dismissWelcome(): void {
    if (this.state.welcomeOpen || !this.state.progress.welcomeSeen) this.update({ welcomeSeen: true }, { welcomeOpen: false });
  }

  /**
   * Opens the lesson a `#lesson=<id>/<step>` link names. A link that is not one, or names no
   * lesson or step, opens nothing: the graph stays, and the notice says what was wrong.
   */
  openLink(hash: string): boolean {
    const link = parseLessonLink(hash);
    if (!link) return false;
    const t = msg;
    this.dismissWelcome();
    const refuse = (text: Words) => {
      this.opts.ws.session.notify({ kind: 'error', text });
      return false;
    };
    if (link.kind === 'bad') return refuse(t('lessons.link.bad', { link: link.text }));
    const lesson = this.lesson(link.id);
    if (!lesson) return refuse(t('lessons.link.unknown', { id: link.id }));
    if (link.step > lesson.steps.length) return refuse(t('lessons.link.noStep', { step: link.step, title: lesson.title, count: lesson.steps.length }));
    void this.start(lesson.id, link.step);
    return true;
  }

  private openStep(): number {
    return this.state.progress.open?.step ?? 1;
  }

  /**
   * Runs set-up actions in order, then judges the step from where they left the session. When
   * they set up the canvas (open a graph, select a node) or the step names nodes to `focus`
   * on, the view is fitted to the canvas beside the panel.
   */
  private async setUp(actions: readonly Setup[], focus: readonly string[] = []): Promise<void> {
    const move = ++this.moves;
    this.store.setState({ settingUp: actions.length > 0, hint: false });
    // The fit is asked for now, so the view counts as about to move from here, and a pan or
    // zoom by the learner while the set-up runs cancels it as well.
    const selected = actions.flatMap((a) => (a.do === 'select' ? [a.node] : []));
    let finished: (carryOut: boolean) => void = () => undefined;
    if (focus.length > 0 || selected.length > 0 || actions.some((a) => a.do === 'openExample')) {
      this.opts.fitView?.([...focus, ...selected], new Promise<boolean>((resolve) => (finished = resolve)));
    }
    try {
      for (const a of actions) {
        if (move !== this.moves) return;
        await this.run(a);
      }
      if (move !== this.moves) return;
      finished(true);
    } finally {
      // Left for another step, or a set-up action failed: no fit (only the first call counts).
      finished(false);
    }
    this.before = null;
    this.store.setState({ settingUp: false, hint: false });
    this.judge(true);
  }

  private async run(a: Setup): Promise<void> {
    const { ws, lang } = this.opts;
    const l = lang();
    switch (a.do) {
      case 'newGraph':
        openNew(ws, l);
        return;
      case 'openExample': {
        const r = await this.opts.fetchExample(a.file);
        const name = r.ok ? (r.file.name ?? a.file) : a.file;
        openResult(ws, r, { label: translate(l, 'shell.open.example', { name }), refused: msg('shell.notice.badExample', { name }), name });
        return;
      }
      case 'openTab': {
        const [list, tab] = a.tab.split('.');
        this.opts.showTab(list, tab);
        return;
      }
      case 'select':
        ws.session.select([a.node]);
        return;
      case 'showCode':
        ws.session.offerCode(a.code);
        return;
      case 'loadData':
        loadImport(ws.session, await this.opts.fetchData(a.file));
        return;
    }
  }

  private sessionChanged(s: SessionState): void {
    // An opened file or any change to the graph answers the welcome: the learner chose the canvas.
    if (this.state.welcomeOpen && s.history.present !== this.lastDoc) this.dismissWelcome();
    this.lastDoc = s.history.present;
    this.judge();
  }

  /** Judges the open step when what its checks read changed (or `force`): done when every check holds, else a hint after a wrong attempt. */
  private judge(force = false): void {
    const s = this.opts.ws.session.state;
    const inputs = inputsOf(s);
    if (!force && same(inputs, this.inputs)) return;
    this.inputs = inputs;
    const { progress, settingUp } = this.state;
    const open = progress.open;
    const lesson = open && this.lesson(open.id);
    const done = (open && progress.done[open.id]) || [];
    if (!open || !lesson || settingUp || done.includes(open.step)) {
      this.before = null;
      return;
    }
    const step = lesson.steps[open.step - 1];
    const now = factsOf(s);
    const before = this.before;
    this.before = now;
    if (passesAll(now, step.check)) {
      this.update({ done: { ...progress.done, [open.id]: [...done, open.step].sort((a, b) => a - b) } }, { hint: false });
      return;
    }
    if (before && step.check.some((c) => attempted(before, now, c))) this.store.setState({ hint: true });
  }

  /** Changes the progress (saved at once) and the rest of the state together. */
  private update(progress: Partial<Progress>, also: Partial<LessonsState>): void {
    const next = { ...this.state.progress, ...progress };
    this.store.setState({ progress: next, ...also });
    writeProgress(this.opts.storage, next);
    if (progress.open !== undefined) {
      this.before = null;
      this.store.setState({ hint: false });
      this.judge(true);
    }
  }
}
