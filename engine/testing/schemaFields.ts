import type { z } from 'zod/mini';

/** One object of the file format: where it sits, which variant it is, its fields, and which of them a file must give. */
export interface SchemaObject {
  /** `training`, `nodes[]`, `datasets.*`, `` for the file itself. */
  readonly path: string;
  /** The `type` of a tagged variant (`sgd`, `columns`), or null. */
  readonly variant: string | null;
  readonly fields: readonly string[];
  readonly required: readonly string[];
}

/** The zod definition of a schema, as zod keeps it. */
type Def = { readonly type: string } & Record<string, unknown>;

const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema inside optional, nullable, default and pipe wrappers. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'nonoptional') s = def.innerType as z.ZodMiniType;
    else if (def.type === 'pipe') s = def.in as z.ZodMiniType;
    else return s;
  }
}

/** The `type` literal of a tagged object variant, or null. */
function variantOf(shape: Record<string, z.ZodMiniType>): string | null {
  const tag = shape.type && defOf(unwrap(shape.type));
  return tag && tag.type === 'literal' ? String((tag.values as unknown[])[0]) : null;
}

/**
 * Every object of the file format reachable from `schema`, walked through optional values,
 * lists (`path[]`), records (`path.*`) and tagged unions: the list the format doc's field
 * tables are checked against.
 */
export function schemaObjects(schema: z.ZodMiniType, path = ''): SchemaObject[] {
  const s = unwrap(schema);
  const def = defOf(s);
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodMiniType>;
      const fields = Object.keys(shape);
      const required = fields.filter((f) => !shape[f].safeParse(undefined).success);
      const here: SchemaObject = { path, variant: variantOf(shape), fields, required };
      return [here, ...fields.flatMap((f) => schemaObjects(shape[f], join(f)))];
    }
    case 'array':
      return schemaObjects(def.element as z.ZodMiniType, `${path}[]`);
    case 'record':
      return schemaObjects(def.valueType as z.ZodMiniType, `${path}.*`);
    case 'union':
      return (def.options as z.ZodMiniType[]).flatMap((o) => schemaObjects(o, path));
    default:
      return [];
  }
}
