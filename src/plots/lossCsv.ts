import { formatExact } from '../format';

/**
 * The loss history as CSV: a header, then one `epoch,loss` line per point (epochs count from
 * 1; `epochs` gives each point's epoch once a long history is sampled), with a `test_loss`
 * column when there is a test split. inf and nan are written as such.
 */
export function lossCsv(train: readonly number[], test: readonly (number | null)[] = [], epochs?: readonly number[]): string {
  const withTest = test.some((v) => v !== null);
  const lines = [withTest ? 'epoch,loss,test_loss' : 'epoch,loss'];
  for (let i = 0; i < train.length; i++) {
    const row = [String(epochs?.[i] ?? i + 1), formatExact(train[i])];
    if (withTest) row.push(i < test.length && test[i] !== null ? formatExact(test[i] as number) : '');
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
