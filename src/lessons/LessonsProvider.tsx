import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LessonsHost } from './lessonsHost';
import { LessonsContext, LessonsHostContext } from './useLessons';

/** Gives the views below the lessons host and, once they have started, the lessons. */
export function LessonsProvider({ host, children }: { host: LessonsHost; children: ReactNode }) {
  const lessons = useStore(host.store, (s) => s.lessons);
  return (
    <LessonsHostContext.Provider value={host}>
      <LessonsContext.Provider value={lessons}>{children}</LessonsContext.Provider>
    </LessonsHostContext.Provider>
  );
}
