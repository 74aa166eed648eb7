import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import { backwardTarget, listedScalars } from '../session/backwardTarget';
import { useSession, useSessionApi } from '../session/useSession';
import { backwardFromLabel } from './backwardFromLabel';

/**
 * Forward, Backward (with the scalar it starts from) and Zero grad. Unavailable buttons
 * stay focusable (aria-disabled) so a keyboard user can reach them and hear why they do nothing.
 */
export function RunControls() {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const shapes = useSession((s) => s.compiled.shapes);
  const pick = useSession((s) => s.backwardPick);
  const canRun = useSession((s) => s.compiled.program !== null);
  const target = backwardTarget(doc, pick, shapes);
  const canBackward = canRun && target.ok;
  const why = !canRun ? t('shell.run.noProgram') : target.ok ? null : target.reason === 'noScalar' ? t('shell.run.noTarget') : t('shell.run.pickTarget', { nodes: target.candidates.join(', ') });
  // Every scalar but the loss by name, or on a graph of thousands its outputs: names are looked up in one map and the list is built once per document.
  const { choices, unlisted } = useMemo(() => {
    const names = new Map(doc.nodes.map((n) => [n.id, n.label ?? n.id]));
    const { listed, unlisted } = listedScalars(doc, shapes, pick);
    return {
      choices: listed.map((id) => (
        <option key={id} value={id}>
          {names.get(id)}
        </option>
      )),
      unlisted,
    };
  }, [doc, shapes, pick]);
  // The automatic choice names what it is; an explicit pick is one of the scalars.
  const auto = backwardFromLabel(t, doc, target);
  const picked = target.ok && target.why === 'picked' ? target.node : '';

  return (
    <div className="toolbar-group" role="group" aria-label={t('shell.run.label')}>
      <button type="button" data-testid="toolbar.forward" aria-disabled={!canRun} title={canRun ? t('shell.run.forwardHint') : t('shell.run.noProgram')} onClick={() => canRun && session.forward()}>
        {t('shell.run.forward')}
      </button>
      <span className="run-backward">
        <button
          type="button"
          data-testid="toolbar.backward"
          aria-disabled={!canBackward}
          aria-describedby="run-hint"
          title={target.ok ? t('shell.run.backwardHint', { node: target.node }) : (why ?? '')}
          onClick={() => canBackward && session.backward()}
        >
          {t('shell.run.backward')}
        </button>
        <label className="run-from" title={t('shell.run.fromTitle')}>
          <span className="run-from__label">{t('shell.run.from')}</span>
          <select data-testid="toolbar.backwardFrom" value={picked} onChange={(e) => session.pickBackwardTarget(e.target.value === '' ? null : e.target.value)}>
            <option value="">{auto}</option>
            {choices}
            {unlisted > 0 && (
              <option disabled value="unlisted" data-testid="toolbar.backwardFrom.unlisted">
                {t('shell.run.fromUnlisted', { n: unlisted })}
              </option>
            )}
          </select>
        </label>
      </span>
      <button type="button" data-testid="toolbar.zeroGrad" aria-disabled={!canRun} title={t('shell.run.zeroGradHint')} onClick={() => canRun && session.zeroGrad()}>
        {t('shell.run.zeroGrad')}
      </button>
      <span id="run-hint" className={why ? 'toolbar-hint warn' : 'toolbar-hint'} data-testid="toolbar.runHint" title={why ?? t('shell.status.accumulateNote')}>
        {why ?? t('shell.status.accumulateNote')}
      </span>
    </div>
  );
}
