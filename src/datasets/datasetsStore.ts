import { create } from 'zustand';
import type { Dataset } from '../../engine';
import type { ColumnRole } from './builtin';
import type { ImportMessage } from './csvImport';
import type { Scaling } from './transform';

/** The dataset being prepared in the panel, before Bind writes it to the document. */
export interface DatasetDraft {
  readonly name: string;
  readonly dataset: Dataset;
  readonly roles: Readonly<Record<string, ColumnRole>>;
  /** Text columns the CSV had, left out of the dataset (a `split` column). */
  readonly textColumns: readonly string[];
}

/** The panel's state: the current draft, the last import error, split and scaling choices. */
export interface DatasetsState {
  readonly draft: DatasetDraft | null;
  /** Messages of the last refused import, each naming a line (and a column); the draft stays. */
  readonly errors: readonly ImportMessage[] | null;
  readonly split: { readonly enabled: boolean; readonly testFraction: number; readonly seed: number };
  readonly scaling: Scaling;
  load(draft: DatasetDraft): void;
  fail(messages: readonly ImportMessage[]): void;
  setRole(column: string, role: ColumnRole): void;
  setSplit(split: Partial<DatasetsState['split']>): void;
  setScaling(scaling: Scaling): void;
}

/** The datasets panel's store; it lives outside the panel so a dropped CSV arrives while another tab is open. */
export const useDatasets = create<DatasetsState>()((set) => ({
  draft: null,
  errors: null,
  split: { enabled: false, testFraction: 0.2, seed: 0 },
  scaling: 'none',
  load: (draft) => set({ draft, errors: null }),
  fail: (errors) => set({ errors }),
  setRole: (column, role) => set((s) => (s.draft ? { draft: { ...s.draft, roles: { ...s.draft.roles, [column]: role } } } : {})),
  setSplit: (split) => set((s) => ({ split: { ...s.split, ...split } })),
  setScaling: (scaling) => set({ scaling }),
}));
