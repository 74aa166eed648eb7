import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/useT';
import { useEditor, useRun } from '../store';
import { gradStatus } from './gradStatus';

/** The line at the bottom: graph size and what the gradients hold right now. */
export function StatusLine() {
  const t = useT();
  const doc = useEditor((s) => s.history.present);
  const run = useRun(
    useShallow((s) => ({
      errorCount: s.problems.filter((p) => p.severity === 'error').length,
      hasProgram: s.program !== null,
      runError: s.runError,
      backwardCount: s.backwardCount,
      backwardFrom: s.backwardFrom,
    })),
  );
  const status = gradStatus({ nodeCount: doc.nodes.length, ...run });
  return (
    <footer className="status-line" aria-label={t('shell.status.label')}>
      <span className="status-size" data-testid="status.size">
        {t('shell.status.nodes', { nodes: doc.nodes.length, edges: doc.edges.length })}
      </span>
      <span className="status-grad" role="status" data-testid="status.accumulation" title={status.title}>
        {t(status.key, status.vars)}
      </span>
    </footer>
  );
}
