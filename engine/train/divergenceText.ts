import type { Divergence } from './divergence';

/** A loss or parameter for a one-line message: 3 significant digits, exponent form when very large or small. */
export function formatLoss(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) {
    const [mantissa, exponent] = v.toExponential(2).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(v.toPrecision(3)));
}

/** The divergence factor as people read it: 1,000,000 rather than 1e6, up to a billion. */
export function formatFactor(f: number): string {
  return Number.isInteger(f) && f < 1e9 ? f.toLocaleString('en-US') : formatLoss(f);
}

/**
 * The rule that fired, where the parameters went back to, and what to try, in English (the
 * command line's message; the page says the same through its translations).
 */
export function divergenceMessage(d: Divergence, lr: number): string {
  const nodes = d.nodes.join(', ');
  const what = {
    'nonfinite-loss': `the loss became ${formatLoss(d.value)}${nodes ? ` (it first appeared at ${nodes})` : ''}`,
    'loss-growth': `the loss ${formatLoss(d.value)} grew past ${formatFactor(d.factor ?? 0)} × the first loss (${formatLoss(d.firstLoss ?? 0)})`,
    'nonfinite-grad': `the gradient of ${nodes} became ${formatLoss(d.value)}`,
    'nonfinite-param': `the update made the parameters of ${nodes} ${formatLoss(d.value)}`,
  }[d.rule];
  const back = d.lastGoodEpoch === null ? 'The parameters are back to their values before this run.' : `The parameters are back to epoch ${d.lastGoodEpoch}'s values.`;
  return `Training stopped at epoch ${d.epoch}: ${what}. ${back} Try a smaller learning rate (now ${lr}).`;
}
