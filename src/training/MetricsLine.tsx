import type { LogColumn } from '../../engine';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';

/** The columns the line shows, in the order the CLI logs them. */
const COLUMNS: readonly Exclude<LogColumn, 'epoch'>[] = ['loss', 'acc', 'val_loss', 'val_acc'];

/**
 * The latest epoch's measurements as the CLI's `train` logs them (those that exist); each
 * value's exact number rides on a data attribute so it can be compared with the CLI's line.
 */
export function MetricsLine() {
  const t = useT();
  const log = useSession((s) => s.training.lastLog);
  if (!log) return null;
  const shown = COLUMNS.filter((c) => log[c] !== undefined);
  return (
    <p className="training__metrics" data-testid="train.metrics" {...Object.fromEntries(shown.map((c) => [`data-${c.replace('_', '-')}`, String(log[c])]))}>
      {shown.map((c) => `${t(`train.metric.${c}`)} ${formatNumber(log[c] as number)}`).join(' · ')}
    </p>
  );
}
