import type { Attrs, AttrSpec } from './types';
import type { AttrValue } from '../graph/types';
import { describeValue } from '../graph/describe';
import { fillReason, type ReasonParams } from '../tensor/reason';
import { ATTR_REASONS, type AttrReason } from '../graph/problemReasons';
import { MAX_RANK } from '../tensor/shape';


/** One refused attribute: its name, the reason and its parameters, and the English sentence. */
export interface AttrError {
  readonly name: string;
  readonly reason: AttrReason;
  readonly params: ReasonParams;
  readonly message: string;
}

function attrError(name: string, reason: AttrReason, params: ReasonParams = {}): AttrError {
  return { name, reason, params, message: fillReason(ATTR_REASONS[reason], params) };
}

/** A list of axis lengths up to the highest rank: whole numbers from 0, or -1. */
function isShapeList(v: unknown): v is readonly number[] {
  return Array.isArray(v) && v.length <= MAX_RANK && v.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= -1);
}

/** A short list of numbers as written (`[2, -1]`), anything else as describeValue says it. */
function describeShape(v: unknown): string {
  return Array.isArray(v) && v.length <= MAX_RANK + 2 && v.every((d) => typeof d === 'number') ? `[${v.join(', ')}]` : describeValue(v);
}

/** The attribute's default, as a value of its own (a list is copied, so nothing shares the op's). */
export function attrDefault(spec: AttrSpec): AttrValue {
  return spec.type === 'shape' ? [...spec.default] : spec.default;
}

/** Fills defaults and checks each attribute; returns the attributes and what is wrong with them. */
export function resolveAttrs(
  specs: readonly AttrSpec[],
  raw: Readonly<Record<string, unknown>> | undefined,
): { attrs: Attrs; errors: AttrError[] } {
  const attrs: Attrs = {};
  const errors: AttrError[] = [];
  for (const spec of specs) {
    // Own fields only: an attribute named like Object.prototype's members must not read them.
    const v = raw !== undefined && Object.hasOwn(raw, spec.name) ? raw[spec.name] : undefined;
    if (v === undefined) {
      attrs[spec.name] = attrDefault(spec);
      continue;
    }
    switch (spec.type) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(attrError(spec.name, 'not_finite', { got: describeValue(v) }));
        break;
      case 'integer':
        if (v === null && spec.default === null) break;
        if (typeof v !== 'number' || !Number.isInteger(v)) errors.push(attrError(spec.name, 'not_integer', { got: describeValue(v) }));
        else if (spec.min !== undefined && v < spec.min) errors.push(attrError(spec.name, 'below_min', { min: spec.min, got: v }));
        break;
      case 'boolean':
        if (typeof v !== 'boolean') errors.push(attrError(spec.name, 'not_boolean', { got: describeValue(v) }));
        break;
      case 'enum':
        if (typeof v !== 'string' || !spec.values.includes(v)) errors.push(attrError(spec.name, 'not_in_enum', { values: spec.values.join(', '), got: describeValue(v) }));
        break;
      case 'shape':
        if (!isShapeList(v)) errors.push(attrError(spec.name, 'not_shape', { max: MAX_RANK, got: describeShape(v) }));
        else if (v.filter((d) => d === -1).length > 1) errors.push(attrError(spec.name, 'two_free_axes', { got: describeShape(v) }));
        break;
    }
    attrs[spec.name] = v as Attrs[string];
  }
  for (const name of Object.keys(raw ?? {})) {
    if (!specs.some((s) => s.name === name)) errors.push(attrError(name, 'unknown_attr'));
  }
  return { attrs, errors };
}
