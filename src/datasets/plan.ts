import type { BindPlan } from './bind';
import type { DatasetDraft, DatasetsState } from '../session/types';
import { columnStats, scaleColumns, splitRows } from './transform';

/** What Bind will write for a draft with the panel's split and scaling: features scaled with the training rows' statistics. */
export function planBind(draft: DatasetDraft, split: DatasetsState['split'], scaling: DatasetsState['scaling']): BindPlan {
  const parts = split.enabled ? splitRows(draft.dataset, split.testFraction, split.seed) : { train: draft.dataset, test: null };
  const features = draft.dataset.columns.filter((c) => draft.roles[c] === 'feature');
  const stats = columnStats(parts.train.rows, draft.dataset.columns.length);
  return {
    name: draft.name,
    train: scaleColumns(parts.train, features, scaling, stats),
    test: parts.test ? scaleColumns(parts.test, features, scaling, stats) : null,
    roles: draft.roles,
  };
}
