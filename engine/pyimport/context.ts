import type { GraphDraft } from './draft';
import type { Model, DataSources } from './objects';

/** What a training script has set up beyond its variables: data sources, the seed, the trained models, the loop. */
export interface TrainingContext {
  readonly sources: DataSources;
  /** Layers made so far: each takes the next seed of GradCanvas's initialiser when no torch.manual_seed came first. */
  layers: number;
  /** Inside `with torch.no_grad():`. */
  noGrad: boolean;
  /** Models whose parameters the optimizer holds. */
  readonly trained: Set<Model>;
  /** Whether the training loop has run. */
  looped: boolean;
}

const contexts = new WeakMap<GraphDraft, TrainingContext>();

/** Starts the training context of an import. */
export function startContext(draft: GraphDraft, sources: DataSources): TrainingContext {
  const ctx: TrainingContext = { sources, layers: 0, noGrad: false, trained: new Set(), looped: false };
  contexts.set(draft, ctx);
  return ctx;
}

/** The training context of the import a scope belongs to (its draft's). */
export function contextOf(scope: { readonly draft: GraphDraft }): TrainingContext {
  return contexts.get(scope.draft) ?? startContext(scope.draft, {});
}
