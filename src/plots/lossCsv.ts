/**
 * The loss history as CSV: a header, then one `epoch,loss` line per point (epochs count from
 * 1; `epochs` gives each point's epoch once a long history is sampled), with a `test_loss`
 * column when there is a test split. inf and nan are written as such.
 */
export function lossCsv(train: readonly number[], test: readonly (number | null)[] = [], epochs?: readonly number[]): string {
  const withTest = test.some((v) => v !== null);
  const lines = [withTest ? 'epoch,loss,test_loss' : 'epoch,loss'];
  for (let i = 0; i < train.length; i++) {
    const row = [String(epochs?.[i] ?? i + 1), csvNumber(train[i])];
    if (withTest) row.push(i < test.length && test[i] !== null ? csvNumber(test[i] as number) : '');
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function csvNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}
