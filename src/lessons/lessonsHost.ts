import type { ComponentType } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lessons, LessonsOptions } from './Lessons';

/** What the page knows of the lessons, whose code downloads the first time they are needed. */
export interface LessonsHostState {
  /** The lessons, once their code (the course, its checks, the panel's view) is here and they have started. */
  readonly lessons: Lessons | null;
  /** The Lessons panel's view, downloaded with them. */
  readonly Panel: ComponentType | null;
  /** The Lessons panel was asked for before the lessons were here: it shows the wait, or the failure. */
  readonly wanted: boolean;
  /** The last download failed (offline, or GradCanvas was updated since the page opened); the next `load` tries again. */
  readonly failed: boolean;
}

/** Downloads the lessons' code. */
const download = () => import('./lessonsCode');

/**
 * Holds the page's lessons, whose code — every lesson's text, the checks, the panel — stays out
 * of the first screen: it downloads when a lesson is open at boot, a lesson link or the
 * first-visit welcome needs it, or the learner reaches the Lessons button.
 */
export class LessonsHost {
  /** The host's state; only this class writes it. */
  readonly store: StoreApi<LessonsHostState> = createStore<LessonsHostState>()(() => ({ lessons: null, Panel: null, wanted: false, failed: false }));
  private readonly opts: LessonsOptions;
  private pending: Promise<Lessons> | null = null;

  constructor(opts: LessonsOptions) {
    this.opts = opts;
  }

  /** The lessons, when they have started. */
  get lessons(): Lessons | null {
    return this.store.getState().lessons;
  }

  /** Starts the download without starting the lessons (the boot downloads while it opens the first document). */
  prefetch(): void {
    download().catch(() => undefined);
  }

  /** Downloads the lessons' code once and starts the lessons; rejects when the download fails, and the next call tries again. */
  load(): Promise<Lessons> {
    const started = this.lessons;
    if (started) return Promise.resolve(started);
    if (this.pending) return this.pending;
    this.store.setState({ failed: false });
    const pending = download().then(
      ({ Lessons, LessonsPanel }) => {
        const lessons = new Lessons(this.opts);
        if (this.store.getState().wanted) lessons.setPanelOpen(true);
        this.store.setState({ lessons, Panel: LessonsPanel });
        return lessons;
      },
      (e: unknown) => {
        this.pending = null;
        this.store.setState({ failed: true });
        throw e;
      },
    );
    this.pending = pending;
    return pending;
  }

  /** Shows or hides the Lessons panel; before the lessons are here, showing it downloads them and the panel shows the wait meanwhile. */
  setPanelOpen(open: boolean): void {
    const lessons = this.lessons;
    if (lessons) {
      lessons.setPanelOpen(open);
      return;
    }
    this.store.setState({ wanted: open });
    if (open) this.load().catch(() => undefined);
  }
}
