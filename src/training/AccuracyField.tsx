import { useT } from '../i18n/useT';
import { CheckField } from '../panels/CheckField';
import { useSession, useSessionApi } from '../session/useSession';

/** The "Accuracy" checkbox: the document's `training.metrics.accuracy`, left out when off. */
export function AccuracyField() {
  const t = useT();
  const session = useSessionApi();
  const on = useSession((s) => s.history.present.training.metrics?.accuracy === true);
  return (
    <CheckField
      testid="train.metrics.accuracy"
      label={t('train.metrics.accuracy')}
      title={t('train.metrics.accuracy.title')}
      checked={on}
      onChange={(checked) =>
        session.edit(
          'training settings',
          (d) => {
            if (checked) d.training.metrics = { ...d.training.metrics, accuracy: true };
            else if (d.training.metrics) {
              delete d.training.metrics.accuracy;
              if (Object.keys(d.training.metrics).length === 0) delete d.training.metrics;
            }
          },
          'train.metrics',
        )
      }
    />
  );
}
