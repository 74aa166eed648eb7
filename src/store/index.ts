import { createEditorStore } from './editorStore';
import { createRunStore } from './runStore';

/** The app's editor store: the document, its history, selection and viewport. */
export const useEditor = createEditorStore();

/** The app's run store: what the engine computed for the current document. */
export const useRun = createRunStore();

// Every document change recompiles and re-runs forward (cheap: compile skips unchanged graphs).
useRun.getState().sync(useEditor.getState().history.present);
useEditor.subscribe((s, prev) => {
  if (s.history.present !== prev.history.present) useRun.getState().sync(s.history.present);
});
