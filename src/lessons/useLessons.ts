import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Lessons, LessonsState } from './Lessons';
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
