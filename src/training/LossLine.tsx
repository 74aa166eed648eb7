import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';

/** Which node training and Backward minimise: the marked loss, the one the engine's rule chose, or none yet. */
export function LossLine() {
  const t = useT();
  const marked = useSession((s) => s.history.present.loss);
  const compiled = useSession((s) => s.compiled.program?.loss ?? null);
  const op = useSession((s) => s.history.present.nodes.find((n) => n.id === (marked ?? compiled))?.op ?? '');
  const node = marked ?? compiled;
  const how = node === null ? 'none' : marked !== null ? 'marked' : 'auto';
  return (
    <p className="insp-hint" data-testid="train.lossNode" data-loss={node ?? ''} data-how={how}>
      {node === null ? t('datasets.loss.none') : t(how === 'auto' ? 'datasets.loss.auto' : 'datasets.loss.marked', { node, op })}
    </p>
  );
}
