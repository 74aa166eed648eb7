import type { Snapshot } from '../src/testHook';

/**
 * One run's part of the model's loss curve: the points after epoch `base`, as [the run's epoch
 * (from 1), loss]. The document keeps every epoch up to 10,000 points and samples beyond, so a
 * long run's part holds every k-th epoch and its latest.
 */
export function runPart(s: Pick<Snapshot, 'lossEpochs' | 'lossHistory'>, base: number): [number, number][] {
  return s.lossEpochs.flatMap((epoch, k) => (epoch > base ? [[epoch - base, s.lossHistory[k]] as [number, number]] : []));
}

/** The losses a run's log (the CLI's, every epoch from the run's first) has at the epochs of `part`. */
export function atEpochs(log: readonly number[], part: readonly [number, number][]): number[] {
  return part.map(([epoch]) => log[epoch - 1]);
}

/** The losses of a CLI `train` log (`epoch,loss,…` lines; Python's `inf` and `nan` included). */
export function logLosses(lines: readonly string[]): number[] {
  const value = (text: string) => (text === 'inf' ? Infinity : text === '-inf' ? -Infinity : text === 'nan' ? NaN : Number(text));
  return lines.filter((l) => /^\d+,/.test(l)).map((l) => value(l.split(',')[1]));
}
