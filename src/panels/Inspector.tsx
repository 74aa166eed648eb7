import { useId } from 'react';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { lazyPanel } from '../shell/lazyPanel';
import './panels.css';

/** The editors of one node: their code downloads the first time a node is selected (or a pointer reaches the canvas's nodes). */
const nodeInspector = lazyPanel(() => import('./NodeInspector').then((m) => m.NodeInspector));

/** Starts downloading the node editors, so selecting the first node shows them at once; settles when the download is over. */
export const preloadNodeInspector = nodeInspector.preload;

/** The right sidebar: edits the one selected node, or says how many are selected, or how to select one. */
export function Inspector() {
  const t = useT();
  const headingId = useId();
  const selection = useSession((s) => s.selection);
  const nodes = useSession((s) => s.history.present.nodes);
  const selected = selection.filter((id) => nodes.some((n) => n.id === id));
  return (
    <section className="inspector" data-testid="inspector" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('inspector.title')}</h2>
      {selected.length === 0 && <p className="insp-hint" data-testid="inspector.empty">{t('inspector.empty')}</p>}
      {selected.length > 1 && (
        <p className="insp-hint" data-testid="inspector.many">
          {t('inspector.many', { count: selected.length })}
        </p>
      )}
      {/* Keyed by id: drafts and paste boxes start fresh for each node. */}
      {selected.length === 1 && <nodeInspector.Panel key={selected[0]} id={selected[0]} />}
    </section>
  );
}
