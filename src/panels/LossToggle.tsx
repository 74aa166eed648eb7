import { formatShape } from '../../engine';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { CheckField } from './CheckField';
import { setLoss } from './nodeEdits';

/** Marks the node as the graph's loss; only a scalar may be one (as `loss.backward()` needs), but a loss can always be unmarked. */
export function LossToggle({ id }: { readonly id: string }) {
  const t = useT();
  const session = useSessionApi();
  const isLoss = useSession((s) => s.history.present.loss === id);
  // Chosen by the engine's rule (no loss marked, and this is the one candidate): the box shows the mark, the hint says it is the loss anyway.
  const isAuto = useSession((s) => s.history.present.loss === null && s.compiled.program?.loss === id);
  const shape = useSession((s) => s.compiled.shapes.get(id));
  const scalar = shape !== undefined && shape.length === 0;
  const why = isAuto ? t('datasets.loss.autoHint') : scalar ? undefined : shape === undefined ? t('inspector.lossUnknownShape') : t('inspector.lossNotScalar', { shape: formatShape(shape) });
  return (
    <CheckField
      testid="inspector.useAsLoss"
      label={t('inspector.useAsLoss')}
      checked={isLoss}
      disabled={!scalar && !isLoss}
      hint={why}
      onChange={(on) => session.edit(on ? 'set loss' : 'unset loss', (d) => setLoss(d, id, on))}
    />
  );
}
