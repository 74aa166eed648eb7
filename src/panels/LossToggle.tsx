import { formatShape } from '../../engine';
import { useT } from '../i18n/useT';
import { useEditor, useRun } from '../store';
import { CheckField } from './CheckField';
import { setLoss } from './nodeEdits';

/** Marks the node as the graph's loss; only a scalar may be one (as `loss.backward()` needs), but a loss can always be unmarked. */
export function LossToggle({ id }: { readonly id: string }) {
  const t = useT();
  const isLoss = useEditor((s) => s.history.present.loss === id);
  const shape = useRun((s) => s.shapes.get(id));
  const scalar = shape !== undefined && shape.length === 0;
  const why = scalar ? undefined : shape === undefined ? t('inspector.lossUnknownShape') : t('inspector.lossNotScalar', { shape: formatShape(shape) });
  return (
    <CheckField
      testid="inspector.useAsLoss"
      label={t('inspector.useAsLoss')}
      checked={isLoss}
      disabled={!scalar && !isLoss}
      hint={why}
      onChange={(on) => useEditor.getState().edit(on ? 'set loss' : 'unset loss', (d) => setLoss(d, id, on))}
    />
  );
}
