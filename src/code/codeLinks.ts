import { type EditorState, StateEffect, StateField, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** A statement in the editor's text and the ids of the graph nodes it made. */
export interface CodeLink {
  readonly from: number;
  readonly to: number;
  readonly ids: readonly string[];
}

/** Replaces the editor's statement ↔ node links (offsets in the text after the transaction). */
export const setLinks = StateEffect.define<readonly CodeLink[]>();

/**
 * The links of the text shown: set from the last run or step (or the graph's own code); an
 * edit moves them with the text, and drops a statement's link once its own text is edited.
 */
const linksField = StateField.define<readonly CodeLink[]>({
  create: () => [],
  update(links, tr) {
    for (const e of tr.effects) if (e.is(setLinks)) return e.value;
    if (!tr.docChanged) return links;
    return links
      .filter((l) => !editedInside(tr.changes, l))
      .map((l) => ({ ...l, from: tr.changes.mapPos(l.from, 1), to: tr.changes.mapPos(l.to, -1) }));
  },
});

/** Whether a change replaces text inside the statement, or inserts text strictly within it. */
function editedInside(changes: { iterChangedRanges(f: (fromA: number, toA: number) => void): void }, l: CodeLink): boolean {
  let inside = false;
  changes.iterChangedRanges((fromA, toA) => {
    if (fromA < l.to && toA > l.from) inside = true;
  });
  return inside;
}

/** The links of the editor's text now. */
export function linksOf(state: EditorState): readonly CodeLink[] {
  return state.field(linksField);
}

/** The first statement that made node `id`, if any. */
export function linkOfNode(state: EditorState, id: string): CodeLink | null {
  return linksOf(state).find((l) => l.ids.includes(id)) ?? null;
}

/** The links of the graph's own code: one per line that writes nodes (`nodeLines`, 1-based), for the text `doc`. */
export function linksFromLines(doc: Text, nodeLines: ReadonlyMap<string, number>): CodeLink[] {
  const byLine = new Map<number, string[]>();
  for (const [id, n] of nodeLines) if (n >= 1 && n <= doc.lines) byLine.set(n, [...(byLine.get(n) ?? []), id]);
  return [...byLine.entries()].sort(([a], [b]) => a - b).map(([n, ids]) => ({ from: doc.line(n).from, to: doc.line(n).to, ids }));
}

/**
 * The statement under the pointer at (x, y), in screen pixels: on the line the pointer is
 * level with (anywhere along it), the statement it is on when the line holds several. Null
 * above or below the text, or on a line no statement with nodes covers.
 */
export function linkAt(view: EditorView, x: number, y: number): CodeLink | null {
  const height = y - view.documentTop;
  if (height < 0 || height > view.contentHeight) return null;
  const line = view.lineBlockAtHeight(height);
  if (height > line.bottom) return null;
  const onLine = linksOf(view.state).filter((l) => l.from <= line.to && l.to >= line.from);
  if (onLine.length <= 1) return onLine[0] ?? null;
  const pos = view.posAtCoords({ x, y }, false);
  return onLine.find((l) => l.from <= pos && pos <= l.to) ?? onLine[0];
}

/** What the editor calls back as the pointer moves onto another statement, or off every one (null). */
export type LinkHover = (link: CodeLink | null) => void;

/** The statement ↔ node links and pointer tracking over the text: `hover` hears each change of the statement under the pointer. */
export function codeLinks(hover: LinkHover) {
  let last: CodeLink | null = null;
  const tell = (link: CodeLink | null) => {
    if (link === last) return;
    last = link;
    hover(link);
  };
  return [
    linksField,
    EditorView.domEventObservers({
      mousemove: (e, view) => tell(linkAt(view, e.clientX, e.clientY)),
      // Leaving the text, told by mouseout: mouseleave is not sent when the line under the pointer was redrawn meanwhile.
      mouseout: (e, view) => {
        const to = e.relatedTarget;
        if (!(to instanceof Node) || !view.contentDOM.contains(to)) tell(null);
      },
    }),
  ];
}
