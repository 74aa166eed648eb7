import type { ParamSlot } from '../exec/program';
import type { ParamState } from '../optim/types';
import { toFileOptimizerState, toFileTensor } from './convert';
import type { GraphFile } from './schema';

/**
 * The file after training: every trainable tensor at its trained value, the optimizer state
 * to continue from, and the shuffle's seed moved on (`seed`), so training on from the written
 * file gives what one longer run would. The `history` section is left out: it describes the
 * run that produced the old values, not this one.
 */
export function trainedFile(file: GraphFile, params: readonly ParamSlot[], state: readonly ParamState[], seed: number): GraphFile {
  const { history: _history, ...rest } = file;
  const nodes = file.nodes.map((n) => {
    const own = params.filter((p) => p.node === n.id);
    if (own.length === 0) return n;
    return { ...n, params: { ...n.params, ...Object.fromEntries(own.map((p) => [p.name, toFileTensor({ shape: p.shape, data: p.value })])) } };
  });
  return { ...rest, nodes, training: { ...file.training, seed }, optimizerState: toFileOptimizerState(state) };
}
