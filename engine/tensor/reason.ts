/** The values a problem's sentence is filled with: node ids, port names, shapes as text, counts. */
export type ReasonParams = Readonly<Record<string, string | number>>;

/** A sentence template's `{name}` placeholders, filled from the parameters (a missing one stays as written). */
export function fillReason(template: string, params: ReasonParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A catalog of sentences with each one's key put after a prefix, and its text after a lead-in (`{node}: `). */
export function withLead<P extends string, K extends string>(keyPrefix: P, lead: string, catalog: Readonly<Record<K, string>>): Record<`${P}${K}`, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries<string>(catalog)) out[keyPrefix + key] = lead + text;
  return out as Record<`${P}${K}`, string>;
}
