import { applyPatches, enablePatches, type Patch, produceWithPatches, type Draft } from 'immer';

enablePatches();

/** One undoable change: the patches that make it and the patches that take it back. */
export interface HistoryEntry<B = unknown> {
  readonly label: string;
  readonly patches: readonly Patch[];
  readonly inverse: readonly Patch[];
  /** Consecutive edits with the same key (a drag, typing in one field) undo as one. */
  readonly mergeKey?: string;
  /** What the owner keeps beside the value before and after this change (opening a document: its Recent entry, viewport, draft), to put back when undo or redo crosses it. */
  readonly beside?: { readonly before: B; readonly after: B };
}

/** A value with its undo and redo stacks. */
export interface History<T, B = unknown> {
  readonly present: T;
  readonly past: readonly HistoryEntry<B>[];
  readonly future: readonly HistoryEntry<B>[];
}

/** The most undo steps kept. */
const HISTORY_LIMIT = 200;

/** Applies an edit, recording its patches (and what goes `beside` it); an edit that changes nothing records nothing. */
export function record<T, B>(h: History<T, B>, label: string, recipe: (draft: Draft<T>) => void | T, mergeKey?: string, beside?: HistoryEntry<B>['beside']): History<T, B> {
  const [next, patches, inverse] = produceWithPatches(h.present, recipe as (draft: Draft<T>) => void);
  if (patches.length === 0) return h;
  const last = h.past[h.past.length - 1];
  if (mergeKey !== undefined && last?.mergeKey === mergeKey) {
    // One entry for the whole gesture or run, of constant size however many edits it merges:
    // replace the document by the latest one, and back by the one before the first edit.
    const base = applyPatches(h.present as object, last.inverse as Patch[]) as T;
    const merged: HistoryEntry<B> = { label, mergeKey, patches: [{ op: 'replace', path: [], value: next }], inverse: [{ op: 'replace', path: [], value: base }] };
    return { present: next as T, past: [...h.past.slice(0, -1), merged], future: [] };
  }
  const past = [...h.past, { label, patches, inverse, mergeKey, ...(beside ? { beside } : {}) }].slice(-HISTORY_LIMIT);
  return { present: next as T, past, future: [] };
}

/** Takes the last edit back. */
export function undo<T, B>(h: History<T, B>): History<T, B> {
  const entry = h.past[h.past.length - 1];
  if (!entry) return h;
  return { present: applyPatches(h.present as object, entry.inverse as Patch[]) as T, past: h.past.slice(0, -1), future: [entry, ...h.future] };
}

/** Makes the last undone edit again. */
export function redo<T, B>(h: History<T, B>): History<T, B> {
  const entry = h.future[0];
  if (!entry) return h;
  return { present: applyPatches(h.present as object, entry.patches as Patch[]) as T, past: [...h.past, { ...entry, mergeKey: undefined }], future: h.future.slice(1) };
}
