import { type Dataset, type FileNode, type GraphFile, VALIDATION_SUFFIX } from '../../engine';
import { type Box, freeSpotInView, GRID, NODE_WIDTH, type Point, snapToGrid } from '../canvas/placement';
import { freshId } from '../store/edits';
import type { ColumnRole } from './builtin';
import { inputSides } from './inputRoles';

/** What Bind writes: the dataset under a name (its test split beside it) and a role per column. */
export interface BindPlan {
  readonly name: string;
  readonly train: Dataset;
  readonly test: Dataset | null;
  readonly roles: Readonly<Record<string, ColumnRole>>;
}

/** The role of an input node Bind writes: features X [N, k], target Y [N, m], class labels as a vector [N]. */
type InputRole = 'feature' | 'target' | 'label';

/** The input nodes Bind makes when the graph has none for a role, with the name each gets. */
const INPUTS: readonly { readonly base: string; readonly role: InputRole }[] = [
  { base: 'X', role: 'feature' },
  { base: 'Y', role: 'target' },
  { base: 'labels', role: 'label' },
];

/** One input node Bind writes: which, the columns it reads, and whether it was there already or made now. */
export interface InputBinding {
  readonly id: string;
  readonly role: InputRole;
  readonly columns: readonly string[];
  readonly created: boolean;
}

/** The room a new input node is given before it is measured: a bound input shows its value, range, sparkline and gradient, taller than most nodes. */
const NEW_INPUT_SIZE = { width: NODE_WIDTH, height: 9 * GRID } as const;

/** Where Bind may put the input nodes it makes: the part of the canvas on screen and the boxes of the nodes drawn there. */
export interface BindView {
  readonly view: Box;
  readonly taken: readonly Box[];
}

/** Why a plan cannot be bound, or null when it can. */
export function bindProblem(plan: BindPlan): 'no_feature' | 'no_rows' | null {
  if (plan.train.rows.length === 0) return 'no_rows';
  if (!plan.train.columns.some((c) => plan.roles[c] === 'feature')) return 'no_feature';
  return null;
}

/** The columns a role reads (a class label is one column). */
function columnsOf(plan: BindPlan, role: InputRole): string[] {
  const columns = plan.train.columns.filter((c) => plan.roles[c] === role);
  return role === 'label' ? columns.slice(0, 1) : columns;
}

/**
 * Which input node each role of the plan goes to: an input of the graph named for the role
 * (X, Y, labels, or X_2 …), else an input wired as that side of the model (`inputSides`: a
 * feature flows into the parameters, a target meets the prediction), else a new node named
 * for the role. No input takes two roles.
 */
export function planInputs(doc: GraphFile, plan: BindPlan): InputBinding[] {
  const sides = inputSides(doc);
  const used = new Set<string>();
  const made = new Set<string>();
  const out: InputBinding[] = [];
  for (const { base, role } of INPUTS) {
    const columns = columnsOf(plan, role);
    if (columns.length === 0) continue;
    const named = new RegExp(`^${base}(_\\d+)?$`);
    const inputs = doc.nodes.filter((n) => n.op === 'input' && !used.has(n.id));
    const side = role === 'feature' ? 'feature' : 'target';
    const existing = inputs.find((n) => named.test(n.id)) ?? inputs.find((n) => sides.get(n.id) === side);
    if (existing) {
      used.add(existing.id);
      out.push({ id: existing.id, role, columns, created: false });
    } else {
      const id = freshId(doc, base, made);
      made.add(id);
      out.push({ id, role, columns, created: true });
    }
  }
  return out;
}

/** Where the k-th new input goes when no free spot is known: inside the view's top-left corner, else left of the graph; one row per role. */
function fallbackSpot(doc: GraphFile, place: BindView | undefined, k: number): Point {
  if (place) return snapToGrid({ x: place.view.x + GRID, y: place.view.y + GRID + k * (NEW_INPUT_SIZE.height + GRID) });
  const left = doc.nodes.length > 0 ? Math.min(...doc.nodes.map((n) => n.position.x)) - 320 : 0;
  const top = doc.nodes.length > 0 ? Math.min(...doc.nodes.map((n) => n.position.y)) : 0;
  return { x: left, y: top + k * 200 };
}

/**
 * Adds the dataset to the document and binds input nodes to its columns as `planInputs`
 * says: an existing input is rebound, a missing one is made, inside `place.view` clear of
 * the nodes there when there is room. Meant to run inside one `edit`, so Bind undoes as one
 * step. Returns what it bound.
 */
export function bindDataset(doc: GraphFile, plan: BindPlan, place?: BindView): InputBinding[] {
  doc.datasets[plan.name] = { columns: [...plan.train.columns], rows: plan.train.rows.map((r) => [...r]) };
  const testName = plan.name + VALIDATION_SUFFIX;
  if (plan.test && plan.test.rows.length > 0) doc.datasets[testName] = { columns: [...plan.test.columns], rows: plan.test.rows.map((r) => [...r]) };
  else delete doc.datasets[testName];
  const bindings = planInputs(doc, plan);
  const taken: Box[] = place ? [...place.taken] : [];
  const fallbacks = bindings.map((_, k) => fallbackSpot(doc, place, k));
  bindings.forEach((b, k) => {
    const vector = b.role === 'label';
    if (!b.created) {
      const node = doc.nodes.find((n) => n.id === b.id) as FileNode;
      // A one-column input that was a vector stays one, so the graph around it keeps its shapes.
      const keepVector = b.columns.length === 1 && node.value?.type === 'columns' && node.value.vector === true;
      node.value = { type: 'columns', dataset: plan.name, columns: [...b.columns], ...(vector || keepVector ? { vector: true } : {}) };
      return;
    }
    const spot = place ? freeSpotInView(place.view, taken, NEW_INPUT_SIZE) : null;
    const position = spot ?? fallbacks[k];
    taken.push({ ...position, ...NEW_INPUT_SIZE });
    doc.nodes.push({ id: b.id, op: 'input', position, value: { type: 'columns', dataset: plan.name, columns: [...b.columns], ...(vector ? { vector: true } : {}) } });
  });
  return bindings;
}
