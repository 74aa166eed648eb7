import { type GraphFile, lookupOp } from '../../engine';
import type { BackwardTarget } from '../session/backwardTarget';

/** The translate function's shape. */
type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The automatic choice of the Backward "from" menu, named for what it is: the marked loss, or
 * the loss the engine's rule chose when it is a loss op (mse, as the Train tab names it),
 * else the graph's scalar output (`z = y.sum()` is a value to differentiate, not a loss).
 */
export function backwardFromLabel(t: Translate, doc: GraphFile, target: BackwardTarget): string {
  const nodeName = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const loss = (id: string) => (nodeName(id) === 'loss' ? t('shell.run.fromTheLoss') : t('shell.run.fromLoss', { node: nodeName(id) }));
  if (doc.loss !== null) return loss(doc.loss);
  if (!target.ok || target.why !== 'output') return t('shell.run.fromPick');
  const op = lookupOp(doc.nodes.find((n) => n.id === target.node)?.op ?? '');
  return op?.kind === 'op' && op.criterion !== undefined ? loss(target.node) : t('shell.run.fromOutput', { node: nodeName(target.node) });
}
