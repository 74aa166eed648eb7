import { describe, expect, it } from 'vitest';
import { importPython } from '../../engine';
import { example } from '../stepper/testGraphs';
import { isEntering, isLinked } from './codeLink';
import { Session } from './Session';

const COURSE = 'import torch\nx = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()\n';

describe('Session: the code panel and the canvas pointing at each other', () => {
  it('showEntering after the code edits the document: those nodes enter until the document changes again (an undo, a move)', () => {
    const s = new Session();
    const r = importPython(COURSE);
    s.edit('code', () => r.statements[2].file);
    s.showEntering(r.statements[2].added);
    expect(['x', 'square', 'scale', 'y'].map((id) => isEntering(s.state, id))).toEqual([false, true, true, true]);
    s.edit('move', (d) => void (d.nodes[0].position = { x: 400, y: 0 }));
    expect(isEntering(s.state, 'square')).toBe(false);
    s.undo();
    expect(isEntering(s.state, 'square')).toBe(false);
  });

  it('a document opened from a file draws no node entering', () => {
    const s = new Session();
    s.open(example('composite-function'), 'open');
    expect(s.state.history.present.nodes.some((n) => isEntering(s.state, n.id))).toBe(false);
  });

  it('lightNodes lights exactly the statement’s nodes, and an equal set changes no state', () => {
    const s = new Session({ doc: example('composite-function') });
    s.lightNodes(['square', 'scale', 'y']);
    expect(['x', 'square', 'scale', 'y', 'z'].filter((id) => isLinked(s.state, id))).toEqual(['square', 'scale', 'y']);
    const before = s.state;
    s.lightNodes(['y', 'scale', 'square']);
    expect(s.state).toBe(before);
    s.lightNodes([]);
    expect(['x', 'square', 'scale', 'y', 'z'].filter((id) => isLinked(s.state, id))).toEqual([]);
  });

  it('hoverNode keeps the node under the pointer; the same node again changes no state', () => {
    const s = new Session({ doc: example('composite-function') });
    s.hoverNode('z');
    expect(s.state.codeLink.hovered).toBe('z');
    const before = s.state;
    s.hoverNode('z');
    expect(s.state).toBe(before);
    s.hoverNode(null);
    expect(s.state.codeLink.hovered).toBeNull();
  });
});
