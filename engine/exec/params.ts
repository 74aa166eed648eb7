import type { AnyOpDef, Attrs, ParamSpec } from '../ops/types';
import { formatCount, MAX_TENSOR_ELEMENTS } from '../limits';
import { fillReason, type ReasonParams } from '../tensor/reason';
import { formatShape, sameShape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { VALUE_WORDS } from '../graph/describe';
import { initOf, initTensor } from '../graph/init';
import type { GraphNode } from '../graph/types';
import { PARAM_REASONS, type ParamReason } from '../graph/problemReasons';


/** Why an op's own parameter cannot be used, with the node field at fault (`params.weight`, `attrs`). */
export interface ParamIssue {
  readonly code: 'shape_mismatch' | 'bad_param' | 'too_large';
  readonly field: string;
  readonly reason: ParamReason;
  readonly params: ReasonParams;
  readonly message: string;
}

function issue(code: ParamIssue['code'], field: string, reason: ParamReason, params: ReasonParams): ParamIssue {
  return { code, field, reason, params, message: fillReason(PARAM_REASONS[reason], params) };
}

/** The current values stored for one parameter, read as an own field so a name like `constructor` reads nothing. */
function stored(node: GraphNode, name: string): Tensor | undefined {
  return node.params && Object.hasOwn(node.params, name) ? node.params[name] : undefined;
}

/**
 * Checks an op's own parameters against its attributes before anything is allocated: each
 * fits the size limit, and stored values have the shape the attributes give (a file can
 * hold a linear weight that no longer matches inFeatures and outFeatures).
 */
export function checkOpParams(node: GraphNode, specs: readonly ParamSpec[]): ParamIssue[] {
  const issues: ParamIssue[] = [];
  for (const spec of specs) {
    const n = sizeOf(spec.shape);
    if (!spec.shape.every((d) => Number.isInteger(d) && d >= 0) || !(n <= MAX_TENSOR_ELEMENTS)) {
      issues.push(issue('too_large', 'attrs', 'too_large', { param: spec.name, shape: formatShape(spec.shape), count: formatCount(n), limit: formatCount(MAX_TENSOR_ELEMENTS) }));
      continue;
    }
    const current = stored(node, spec.name);
    if (!current) continue;
    const shape = Array.isArray(current.shape) ? current.shape : null;
    if (!shape || !sameShape(shape, spec.shape)) {
      issues.push(issue('bad_param', `params.${spec.name}`, 'shape', { param: spec.name, got: shape ? formatShape(shape) : VALUE_WORDS.none, shape: formatShape(spec.shape) }));
    } else if (!current.data || current.data.length !== n) {
      issues.push(issue('bad_param', `params.${spec.name}`, 'count', { param: spec.name, shape: formatShape(spec.shape), count: formatCount(n), got: formatCount(current.data?.length ?? 0) }));
    }
  }
  return issues;
}

/** The current values of an op's own parameters (checked by checkOpParams), initialising any that have none. */
export function resolveOpParams(node: GraphNode, def: AnyOpDef, attrs: Attrs): Tensor[] {
  const specs = def.params ? def.params(attrs) : [];
  return specs.map((spec, i) => stored(node, spec.name) ?? initTensor(spec.shape, initOf(node, def), spec.fanIn, i));
}
