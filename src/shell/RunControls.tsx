import { useT } from '../i18n/useT';
import { useEditor, useRun } from '../store';
import { backwardTarget } from '../store/backwardTarget';

/**
 * Forward, Backward and Zero grad. Unavailable buttons stay focusable (aria-disabled) so a
 * keyboard user can reach them and hear why they do nothing.
 */
export function RunControls() {
  const t = useT();
  const doc = useEditor((s) => s.history.present);
  const selection = useEditor((s) => s.selection);
  const shapes = useRun((s) => s.shapes);
  const program = useRun((s) => s.program);
  const target = backwardTarget(doc, selection, shapes);
  const canRun = program !== null;
  const canBackward = canRun && target !== null;
  const why = !canRun ? t('shell.run.noProgram') : target === null ? t('shell.run.noTarget') : null;

  return (
    <div className="toolbar-group" role="group" aria-label={t('shell.run.label')}>
      <button type="button" data-testid="toolbar.forward" aria-disabled={!canRun} title={canRun ? t('shell.run.forwardHint') : t('shell.run.noProgram')} onClick={() => canRun && useRun.getState().forward()}>
        {t('shell.run.forward')}
      </button>
      <button
        type="button"
        data-testid="toolbar.backward"
        aria-disabled={!canBackward}
        aria-describedby="run-hint"
        title={canBackward ? t('shell.run.backwardHint', { node: target }) : (why ?? '')}
        onClick={() => canBackward && useRun.getState().backward(target)}
      >
        {t('shell.run.backward')}
      </button>
      <button type="button" data-testid="toolbar.zeroGrad" aria-disabled={!canRun} title={t('shell.run.zeroGradHint')} onClick={() => canRun && useRun.getState().zeroGrad()}>
        {t('shell.run.zeroGrad')}
      </button>
      <span id="run-hint" className={why ? 'toolbar-hint warn' : 'toolbar-hint'} data-testid="toolbar.runHint">
        {why ?? t('shell.status.accumulateNote')}
      </span>
    </div>
  );
}
