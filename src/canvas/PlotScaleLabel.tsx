import { formatNumber, formatNumberWithin } from '../format';
import { useT } from '../i18n/useT';
import { isCentred, type PlotScale } from './tensorSummary';

/** How many characters fit beside the sparkline: after ± at the scale's size, and each stacked end at its smaller size. */
const CENTRED_CHARS = 4;
const END_CHARS = 6;

/**
 * The range a node's plot is drawn on, beside it: `±10` for a scale centred on 0, otherwise
 * its top and bottom stacked at the plot's top and bottom edges (`180` over `160`).
 */
export function PlotScaleLabel({ scale, testId }: { scale: PlotScale; testId: string }) {
  const t = useT();
  if (isCentred(scale)) {
    const hi = formatNumberWithin(scale.hi, CENTRED_CHARS);
    return (
      <span className="tensor__scale" title={t('canvas.node.scaleTitle', { bound: formatNumber(scale.hi) })} data-testid={testId} data-lo={scale.lo} data-hi={scale.hi}>
        ±{hi}
      </span>
    );
  }
  const hi = formatNumberWithin(scale.hi, END_CHARS);
  const lo = formatNumberWithin(scale.lo, END_CHARS);
  return (
    <span className="tensor__scale tensor__scale--ends" title={t('canvas.node.rangeTitle', { lo: formatNumber(scale.lo), hi: formatNumber(scale.hi) })} data-testid={testId} data-lo={scale.lo} data-hi={scale.hi}>
      <span>{hi}</span>
      <span>{lo}</span>
    </span>
  );
}
