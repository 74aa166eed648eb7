import { type Divergence, formatFactor, formatLoss } from '../../engine';
import type { Language } from '../i18n/language';
import { translate } from '../i18n/useT';

/** What part of the divergence rule fired, with its numbers, as a clause (no sentence end), in the given language. */
export function divergenceReason(lang: Language, d: Divergence): string {
  return translate(lang, `train.diverged.${d.rule}`, {
    value: formatLoss(d.value),
    nodes: d.nodes.join(', '),
    factor: formatFactor(d.factor ?? 0),
    first: formatLoss(d.firstLoss ?? 0),
  });
}

/**
 * The training panel's message: the epoch and the rule, where the parameters went back to,
 * and what to try. Epochs are the run's (0-based, as the loss log and the CLI count them).
 */
export function divergenceText(lang: Language, d: Divergence, lr: number): string {
  const restored = d.lastGoodEpoch === null ? translate(lang, 'train.diverged.restoredStart') : translate(lang, 'train.diverged.restored', { epoch: d.lastGoodEpoch });
  return translate(lang, 'train.diverged', { epoch: d.epoch, reason: divergenceReason(lang, d), restored, lr });
}
