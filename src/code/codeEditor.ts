import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec, RangeSetBuilder, StateEffect, type StateEffectType, StateField, type Text } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, keymap, lineNumbers } from '@codemirror/view';
import { type CodeLink, codeLinks, type LinkHover, setLinks } from './codeLinks';

/** A span of the text, in offsets; its whole lines are lit. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Lights the lines from `from` to `to` (null clears it): the statement that just ran. */
export const setCurrent = StateEffect.define<Span | null>();

/** Lights the lines of the statement the pointer is on in the editor (null clears it). */
export const setPointed = StateEffect.define<Span | null>();

/** Lights the lines of the statement that made the node the pointer is on in the canvas (null clears it). */
export const setLinked = StateEffect.define<Span | null>();

/** A field of lit whole lines, set by `effect`; an edit of the text clears it. */
function litLines(effect: StateEffectType<Span | null>, className: string): StateField<DecorationSet> {
  const line = Decoration.line({ class: className });
  return StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(deco, tr) {
      for (const e of tr.effects) {
        if (!e.is(effect)) continue;
        if (!e.value) return Decoration.none;
        const b = new RangeSetBuilder<Decoration>();
        const doc = tr.state.doc;
        const first = doc.lineAt(Math.min(e.value.from, doc.length)).number;
        const last = doc.lineAt(Math.min(e.value.to, doc.length)).number;
        for (let n = first; n <= last; n++) b.add(doc.line(n).from, doc.line(n).from, line);
        return b.finish();
      }
      return tr.docChanged ? Decoration.none : deco;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
}

/** The statement that just ran. */
const currentField = litLines(setCurrent, 'code-panel__current');
/** The statement under the pointer, and the statement of the node under the pointer: each has its own field, cleared by its own pointer only. */
const pointedField = litLines(setPointed, 'code-panel__linked');
const linkedField = litLines(setLinked, 'code-panel__linked');

/** What the editor calls back: Ctrl/Cmd+Enter runs the code; every edit reports the text; the pointer moving onto another statement reports it. */
export interface EditorHooks {
  readonly run: () => void;
  readonly changed: (text: string) => void;
  readonly hover: LinkHover;
}

/** Whether the editor takes edits (a training graph's exported script is read-only for now). */
export const editable = new Compartment();

/** A CodeMirror 6 editor for Python: line numbers, undo, highlighting, diagnostics, Ctrl/Cmd+Enter to run, labelled for screen readers. */
export function createEditor(parent: HTMLElement, text: string, label: string, hooks: EditorHooks): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (hooks.run(), true) }])),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        python(),
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        currentField,
        pointedField,
        linkedField,
        codeLinks(hooks.hover),
        editable.of(EditorView.editable.of(true)),
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'code.editor' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) hooks.changed(u.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the editor's whole text (without reporting it as the learner's edit), with the statement ↔ node links of the new text. */
export function replaceText(view: EditorView, text: string, links: (doc: Text) => readonly CodeLink[]): void {
  if (view.state.doc.toString() === text) {
    view.dispatch({ effects: setLinks.of(links(view.state.doc)) });
    return;
  }
  const doc = view.state.toText(text);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc }, effects: [setCurrent.of(null), setLinks.of(links(doc))] });
}

/** Shows one diagnostic (or none) in the editor, marking its place. */
export function showDiagnostic(view: EditorView, d: Diagnostic | null): void {
  const len = view.state.doc.length;
  const fixed = d ? { ...d, from: Math.min(d.from, len), to: Math.min(Math.max(d.to, d.from), len) } : null;
  view.dispatch(setDiagnostics(view.state, fixed ? [fixed] : []));
}

/** Makes the editor read-only or editable. */
export function setEditable(view: EditorView, on: boolean): void {
  view.dispatch({ effects: [editable.reconfigure([EditorView.editable.of(on), EditorState.readOnly.of(!on)])] });
}
