import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Lessons, LessonsState } from './Lessons';
import type { LessonsHost, LessonsHostState } from './lessonsHost';
import { NO_PROGRESS } from './progress';

/** The page's lessons, for the views below the provider (none in views tested on their own). */
export const LessonsContext = createContext<Lessons | null>(null);

const NONE = createStore<LessonsState>()(() => ({ progress: NO_PROGRESS, hint: false, settingUp: false, panelOpen: false, welcomeOpen: false }));

/** The lessons, to call their methods; null outside a provider. */
export function useLessonsApi(): Lessons | null {
  return useContext(LessonsContext);
}

/** Reads the lessons' state through a selector (a state with nothing open outside a provider). */
export function useLessons<T>(selector: (state: LessonsState) => T): T {
  return useStore(useContext(LessonsContext)?.store ?? NONE, selector);
}

/** The page's lessons host, which downloads the lessons when first needed (none in views tested on their own). */
export const LessonsHostContext = createContext<LessonsHost | null>(null);

const NO_HOST = createStore<LessonsHostState>()(() => ({ lessons: null, Panel: null, wanted: false, failed: false }));

/** The lessons host, to ask for the lessons; null outside a provider. */
export function useLessonsHost(): LessonsHost | null {
  return useContext(LessonsHostContext);
}

/** Reads the lessons host's state through a selector (nothing asked for outside a provider). */
export function useLessonsHostState<T>(selector: (state: LessonsHostState) => T): T {
  return useStore(useContext(LessonsHostContext)?.store ?? NO_HOST, selector);
}
