import { TrainingController } from './controller';

let controller: TrainingController | null = null;

/** The app's one training controller, made on first use (it owns the worker and outlives the panel's tab). */
export function trainingController(): TrainingController {
  controller ??= new TrainingController(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
  return controller;
}
