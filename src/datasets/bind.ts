import { type Dataset, type FileNode, type GraphFile, VALIDATION_SUFFIX } from '../../engine';
import { freshId } from '../store/edits';
import type { ColumnRole } from './builtin';

/** What Bind writes: the dataset under a name (its test split beside it) and a role per column. */
export interface BindPlan {
  readonly name: string;
  readonly train: Dataset;
  readonly test: Dataset | null;
  readonly roles: Readonly<Record<string, ColumnRole>>;
}

/** The input nodes Bind makes: features X [N, k], target Y [N, m], class labels as a vector [N]. */
const INPUTS = [
  { base: 'X', role: 'feature', vector: false },
  { base: 'Y', role: 'target', vector: false },
  { base: 'labels', role: 'label', vector: true },
] as const;

/** Why a plan cannot be bound, or null when it can. */
export function bindProblem(plan: BindPlan): 'no_feature' | 'no_rows' | null {
  if (plan.train.rows.length === 0) return 'no_rows';
  if (!plan.train.columns.some((c) => plan.roles[c] === 'feature')) return 'no_feature';
  return null;
}

function findInput(doc: GraphFile, base: string): FileNode | undefined {
  const re = new RegExp(`^${base}(_\\d+)?$`);
  return doc.nodes.find((n) => n.op === 'input' && re.test(n.id));
}

/**
 * Adds the dataset to the document and creates or updates the input nodes bound to its
 * columns (an existing input named X, Y or labels is rebound rather than duplicated).
 * Meant to run inside one `edit`, so Bind undoes as one step. Returns the bound node ids.
 */
export function bindDataset(doc: GraphFile, plan: BindPlan): string[] {
  doc.datasets[plan.name] = { columns: [...plan.train.columns], rows: plan.train.rows.map((r) => [...r]) };
  const testName = plan.name + VALIDATION_SUFFIX;
  if (plan.test && plan.test.rows.length > 0) doc.datasets[testName] = { columns: [...plan.test.columns], rows: plan.test.rows.map((r) => [...r]) };
  else delete doc.datasets[testName];
  const left = doc.nodes.length > 0 ? Math.min(...doc.nodes.map((n) => n.position.x)) - 320 : 0;
  const top = doc.nodes.length > 0 ? Math.min(...doc.nodes.map((n) => n.position.y)) : 0;
  const ids: string[] = [];
  INPUTS.forEach(({ base, role, vector }, k) => {
    let columns = plan.train.columns.filter((c) => plan.roles[c] === role);
    if (vector) columns = columns.slice(0, 1);
    if (columns.length === 0) return;
    const value = { type: 'columns' as const, dataset: plan.name, columns, ...(vector ? { vector: true } : {}) };
    const existing = findInput(doc, base);
    if (existing) {
      existing.value = value;
      ids.push(existing.id);
    } else {
      const id = freshId(doc, base);
      doc.nodes.push({ id, op: 'input', position: { x: left, y: top + k * 200 }, value });
      ids.push(id);
    }
  });
  return ids;
}
