import type { Graph } from '../graph/types';
import type { OptimizerSettings } from '../optim/types';
import { Trainer } from '../train/trainer';
import type { Tally } from './compare';
import { paramVar, type TorchTrainingResult, type TorchTrainingSpec, torchVars, trainingSpec } from './torchBridge';

/** What the engine's Trainer produced: the loss before each step and each trainable tensor after it. */
export interface EngineTraining {
  readonly spec: TorchTrainingSpec;
  readonly losses: number[];
  readonly params: Map<string, Float64Array>[];
}

/** Trains a graph full-batch with the engine for `steps` epochs, recording the same things as the driver. */
export function trainWithEngine(name: string, graph: Graph, settings: OptimizerSettings, steps: number): EngineTraining {
  const trainer = new Trainer(graph, { optimizer: settings, epochs: steps });
  const spec = trainingSpec(name, graph, trainer.program, settings, steps);
  const vars = torchVars(trainer.program);
  const losses: number[] = [];
  const params: Map<string, Float64Array>[] = [];
  for (let i = 0; i < steps; i++) {
    losses.push(trainer.epoch());
    params.push(new Map(trainer.program.params.map((p) => [paramVar(vars, p.node, p.name), p.value.slice()])));
  }
  return { spec, losses, params };
}

/** Compares the loss and every trainable tensor after each step with torch.optim's run. */
export function compareTraining(tally: Tally, run: EngineTraining, result: TorchTrainingResult): void {
  tally.runs++;
  const name = run.spec.name;
  if (result.error) return tally.fail(name, `PyTorch raised:\n${result.error}`);
  tally.compare(`${name} loss by step`, run.losses, result.losses);
  run.params.forEach((snapshot, step) => {
    for (const [v, value] of snapshot) tally.compare(`${name} step ${step + 1} ${v}`, value, result.params[step]?.[v]);
  });
}
