import type { PytorchExport } from '../../engine';
import type { Position } from './playback';

/**
 * The line (1-based) of the PyTorch view to light at a stepper position: for a forward
 * event the line that computes its node (as the code generator recorded it), else the line
 * of the event's phase (`loss.backward()`, `optimizer.step()`); before the first event the
 * `optimizer.zero_grad()` line when the step zeroes gradients. 0 lights no line.
 */
export function scriptLine(script: Pick<PytorchExport, 'phaseLines' | 'nodeLines'>, position: Position, zeroGrad: boolean): number {
  const ev = position.cursor >= 0 ? position.events[position.cursor] : undefined;
  if (!ev) return zeroGrad ? script.phaseLines.zeroGrad : 0;
  if (ev.type === 'forward') return script.nodeLines.get(ev.node) ?? script.phaseLines[ev.phase];
  return script.phaseLines[ev.phase];
}
