import { create } from 'zustand';
import type { Draft } from 'immer';
import type { GraphFile } from '../../engine/format/schema';
import { emptyDocument } from './edits';
import { type History, record, redo, undo } from './history';

/** The canvas viewport, as React Flow reports it. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The document being edited, with its undo history, the selection and the viewport. */
export interface EditorState {
  readonly history: History<GraphFile>;
  readonly selection: readonly string[];
  readonly viewport: Viewport | null;
  /**
   * A short message for the user about the last refused action (a refused wire, a bad file):
   * plain words, the engine's `path: message` details, and the text of an unexpected failure
   * kept apart in `technical` so it is only shown folded away.
   */
  readonly notice: { readonly kind: 'error' | 'info'; readonly text: string; readonly details?: readonly string[]; readonly technical?: string } | null;
}

/** What the editor can do; every document change goes through `edit`, so it can be undone. */
export interface EditorActions {
  edit(label: string, recipe: (doc: Draft<GraphFile>) => void | GraphFile, mergeKey?: string): void;
  undo(): void;
  redo(): void;
  /** Opens a document (import, example, share link, New) as one undoable step. */
  open(doc: GraphFile, label: string): void;
  select(ids: readonly string[]): void;
  setViewport(v: Viewport): void;
  notify(notice: EditorState['notice']): void;
}

/** Creates an editor store; the app has one, tests make their own. */
export function createEditorStore(doc: GraphFile = emptyDocument(), selection: readonly string[] = [], viewport: Viewport | null = null) {
  return create<EditorState & EditorActions>()((set) => ({
    history: { present: doc, past: [], future: [] },
    selection,
    viewport,
    notice: null,
    edit: (label, recipe, mergeKey) => set((s) => ({ history: record(s.history, label, recipe, mergeKey) })),
    undo: () => set((s) => ({ history: undo(s.history), selection: keepExisting(undo(s.history).present, s.selection) })),
    redo: () => set((s) => ({ history: redo(s.history), selection: keepExisting(redo(s.history).present, s.selection) })),
    open: (next, label) => set((s) => ({ history: record(s.history, label, () => next), selection: [], notice: null })),
    select: (ids) => set({ selection: [...ids] }),
    setViewport: (v) => set({ viewport: v }),
    notify: (notice) => set({ notice }),
  }));
}

function keepExisting(doc: GraphFile, selection: readonly string[]): readonly string[] {
  return selection.filter((id) => doc.nodes.some((n) => n.id === id));
}

/** The editor store type. */
export type EditorStore = ReturnType<typeof createEditorStore>;
