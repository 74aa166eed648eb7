import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReactFlowProvider } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { FileNode, GraphFile } from '../../engine';
import { Session } from '../session/Session';
import { WorkspaceContext } from '../session/useSession';
import { createRecentStore } from '../shell/recentStore';
import { emptyDocument } from '../store/edits';
import { NodeTable, TABLE_ROWS } from './NodeTable';

// Server rendering, as panels.render.test.ts does: the session is drawn through a view whose store starts at its state now.
function render(session: Session, id: string): string {
  const view = Object.create(session, { store: { value: createStore(() => session.state) } }) as Session;
  const ws = { session: view, recent: createRecentStore(), flush: () => undefined };
  const table = createElement(NodeTable, { id, name: id });
  return renderToStaticMarkup(createElement(WorkspaceContext.Provider, { value: ws }, createElement(ReactFlowProvider, null, table)));
}

const at = { x: 0, y: 0 };
/** v = arange(0, 250) (requires grad), s = 2·v, z = sum(s); and a 2×3 constant m. */
const doc: GraphFile = {
  ...emptyDocument(),
  nodes: [
    { id: 'v', op: 'input', position: at, value: { type: 'arange', start: 0, end: 250, step: 1 }, requiresGrad: true },
    { id: 's', op: 'scale', position: at, attrs: { k: 2 } },
    { id: 'z', op: 'sum', position: at },
    { id: 'm', op: 'constant', position: at, value: { type: 'tensor', shape: [2, 3], data: [1, 2, 3, 4, 5, 6] } },
  ] satisfies FileNode[],
  edges: [
    { source: 'v', target: 's', targetPort: 'x' },
    { source: 's', target: 'z', targetPort: 'x' },
  ],
  loss: 'z',
};

/** The body rows (the header row has no attributes). */
const rows = (html: string) => html.match(/<tr /g)?.length ?? 0;

describe('NodeTable', () => {
  it(`lists the first ${TABLE_ROWS} of 250 elements and counts the rest`, () => {
    const html = render(new Session({ doc }), 'v');
    expect(rows(html)).toBe(TABLE_ROWS);
    expect(html).toContain('data-testid="node.v.table.199"');
    expect(html).not.toContain('data-testid="node.v.table.200"');
    expect(html).toContain('… 50 more');
  });

  it('shows the gradient column only once Backward has filled it', () => {
    const s = new Session({ doc });
    expect(render(s, 's')).not.toContain('nodetable__grad');
    s.backward();
    const html = render(s, 'v');
    expect(html).toContain('<td class="nodetable__grad">2</td>');
  });

  it('highlights the followed element, and the element that goes with it in another node of the same shape', () => {
    const s = new Session({ doc });
    s.follow({ node: 'v', index: 3 });
    for (const id of ['v', 's']) {
      const html = render(s, id);
      expect(html).toMatch(new RegExp(`<tr class="nodetable__row--followed" aria-current="true" data-testid="node\\.${id}\\.table\\.3"`));
      expect(html.match(/aria-current/g)).toHaveLength(1);
    }
    // A tensor of another shape has no element that goes with v[3].
    expect(render(s, 'm')).not.toContain('aria-current');
  });

  it('indexes a matrix as PyTorch does: [0, 1]', () => {
    const html = render(new Session({ doc }), 'm');
    expect(html).toContain('>[0, 1]</button>');
    expect(html).toContain('Follow m[1, 2] in the explanation');
  });
});
