import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';

/** Labels nodes with PyTorch's backward function names, as make_dot draws them. */
export function GradFnToggle() {
  const t = useT();
  const session = useSessionApi();
  const on = useSession((s) => s.stepper.gradFnLabels);
  return (
    <label className="stepbar__check" title={t('stepper.gradFnLabels.title')}>
      <input type="checkbox" data-testid="step.gradFnLabels" checked={on} onChange={(e) => session.setGradFnLabels(e.target.checked)} />
      {t('stepper.gradFnLabels')}
    </label>
  );
}
