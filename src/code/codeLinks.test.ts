import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { importPython } from '../../engine';
import { codeLinks, linkOfNode, linksFromLines, linksOf, setLinks } from './codeLinks';

const COURSE = 'import torch\nx = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()\n';

/** An editor state holding the course's lines, linked from their import. */
function linked(): EditorState {
  const r = importPython(COURSE);
  const links = r.statements.filter((s) => s.added.length > 0).map((s) => ({ from: s.from, to: s.to, ids: s.added }));
  return EditorState.create({ doc: COURSE, extensions: [codeLinks(() => {})] }).update({ effects: setLinks.of(links) }).state;
}

/** The text of each linked statement and its node ids. */
function shown(state: EditorState): [string, readonly string[]][] {
  return linksOf(state).map((l) => [state.sliceDoc(l.from, l.to), l.ids]);
}

describe('code links', () => {
  it('the import links each statement that added nodes to those nodes; a node finds its statement', () => {
    const state = linked();
    expect(shown(state)).toEqual([
      ['x = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)', ['x']],
      ['y = 2 * x**2 + 2', ['square', 'scale', 'y']],
      ['z = y.sum()', ['z']],
    ]);
    const z = linkOfNode(state, 'z');
    expect(z && state.doc.lineAt(z.from).number).toBe(4);
    expect(linkOfNode(state, 'w')).toBeNull();
  });

  it('typing before a statement or after the last moves the links with the text', () => {
    let state = linked();
    state = state.update({ changes: { from: 0, insert: '# the course\n' } }).state;
    state = state.update({ changes: { from: state.doc.length, insert: 'z.backward()\n' } }).state;
    expect(shown(state).map(([text]) => text)).toEqual(['x = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)', 'y = 2 * x**2 + 2', 'z = y.sum()']);
    expect(state.doc.lineAt(linkOfNode(state, 'square')!.from).number).toBe(4);
  });

  it('editing inside a statement drops its link only: its text no longer says what made the nodes', () => {
    let state = linked();
    const at = state.doc.line(3).from + 'y = '.length;
    state = state.update({ changes: { from: at, to: at + 1, insert: '3' } }).state;
    expect(shown(state).map(([, ids]) => ids)).toEqual([['x'], ['z']]);
  });

  it('the graph’s own code links each line to the nodes it writes', () => {
    const doc = EditorState.create({ doc: 'a\nx = 1  # node "x"\nloss = f(x)  # both\n' }).doc;
    const links = linksFromLines(doc, new Map([['x', 2], ['loss', 3], ['mse', 3], ['gone', 9]]));
    expect(links.map((l) => [doc.sliceString(l.from, l.to), l.ids])).toEqual([
      ['x = 1  # node "x"', ['x']],
      ['loss = f(x)  # both', ['loss', 'mse']],
    ]);
  });
});
