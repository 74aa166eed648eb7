import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';

/** The "Accuracy" checkbox: the document's `training.metrics.accuracy`, left out when off. */
export function AccuracyField() {
  const t = useT();
  const session = useSessionApi();
  const on = useSession((s) => s.history.present.training.metrics?.accuracy === true);
  return (
    <div className="insp-field insp-check">
      <label title={t('train.metrics.accuracy.title')}>
        <input
          type="checkbox"
          data-testid="train.metrics.accuracy"
          checked={on}
          onChange={(e) =>
            session.edit(
              'training settings',
              (d) => {
                if (e.target.checked) d.training.metrics = { ...d.training.metrics, accuracy: true };
                else if (d.training.metrics) {
                  delete d.training.metrics.accuracy;
                  if (Object.keys(d.training.metrics).length === 0) delete d.training.metrics;
                }
              },
              'train.metrics',
            )
          }
        />
        {t('train.metrics.accuracy')}
      </label>
    </div>
  );
}
