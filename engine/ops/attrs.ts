import type { Attrs, AttrSpec } from './types';
import { describeValue } from '../graph/describe';

/** Fills defaults and checks each attribute; returns the attributes and what is wrong with them. */
export function resolveAttrs(
  specs: readonly AttrSpec[],
  raw: Readonly<Record<string, unknown>> | undefined,
): { attrs: Attrs; errors: { name: string; message: string }[] } {
  const attrs: Attrs = {};
  const errors: { name: string; message: string }[] = [];
  for (const spec of specs) {
    // Own fields only: an attribute named like Object.prototype's members must not read them.
    const v = raw !== undefined && Object.hasOwn(raw, spec.name) ? raw[spec.name] : undefined;
    if (v === undefined) {
      attrs[spec.name] = spec.default;
      continue;
    }
    switch (spec.type) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ name: spec.name, message: `must be a finite number, got ${describeValue(v)}` });
        break;
      case 'integer':
        if (v === null && spec.default === null) break;
        if (typeof v !== 'number' || !Number.isInteger(v)) errors.push({ name: spec.name, message: `must be an integer, got ${describeValue(v)}` });
        else if (spec.min !== undefined && v < spec.min) errors.push({ name: spec.name, message: `must be at least ${spec.min}, got ${v}` });
        break;
      case 'boolean':
        if (typeof v !== 'boolean') errors.push({ name: spec.name, message: `must be true or false, got ${describeValue(v)}` });
        break;
      case 'enum':
        if (typeof v !== 'string' || !spec.values.includes(v)) errors.push({ name: spec.name, message: `must be one of ${spec.values.join(', ')}, got ${describeValue(v)}` });
        break;
    }
    attrs[spec.name] = v as Attrs[string];
  }
  for (const name of Object.keys(raw ?? {})) {
    if (!specs.some((s) => s.name === name)) errors.push({ name, message: 'is not an attribute of this op' });
  }
  return { attrs, errors };
}
