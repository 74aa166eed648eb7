import type { AnyOpDef, AttrSpec, FileNode } from '../../engine';
import { formatExact } from '../format';
import { hasMessage } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { parseInteger, parseNumber } from '../parseNumber';
import { useSession } from '../session/useSession';
import { CheckField } from './CheckField';
import { useEditNode } from './editNode';
import { type AttrValue, setAttr } from './nodeEdits';
import { SelectField } from './SelectField';
import { formatShapeText, parseReshapeTarget } from './tensorText';
import { TextField } from './TextField';

/** The op's attributes (`k`, `c`, `axis`, `p`, `inFeatures`, …), each with the editor its type needs. */
export function AttrFields({ node, def }: { readonly node: FileNode; readonly def: AnyOpDef }) {
  const t = useT();
  if (def.attrs.length === 0) return null;
  return (
    <section className="insp-section" aria-label={t('inspector.section.attrs')}>
      <h3>{t('inspector.section.attrs')}</h3>
      {def.attrs.map((spec) => (
        <AttrField key={spec.name} node={node} def={def} spec={spec} />
      ))}
    </section>
  );
}

function AttrField({ node, def, spec }: { readonly node: FileNode; readonly def: AnyOpDef; readonly spec: AttrSpec }) {
  const t = useT();
  const id = node.id;
  const name = spec.name;
  const port = def.inputs.find((p) => p.fallbackAttr === name);
  const editNode = useEditNode();
  const portConnected = useSession((s) => port !== undefined && s.history.present.edges.some((e) => e.target === id && e.targetPort === port.name));
  const raw = node.attrs?.[name];
  const value = raw === undefined ? spec.default : raw;
  const commit = (v: AttrValue) => editNode(id, `set ${name}`, (n) => setAttr(n, name, v), `attr:${id}:${name}`);
  const testid = `inspector.attr.${name}`;

  const notes: string[] = [];
  if (port) notes.push(portConnected ? t('inspector.attr.fallbackIgnored', { port: port.name, name }) : t('inspector.attr.fallback', { port: port.name }));
  if (spec.type === 'integer' && spec.default === null) notes.push(t('inspector.attr.axisAll'));
  if (hasMessage(`inspector.attrHelp.${name}`)) notes.push(t(`inspector.attrHelp.${name}`));
  const hint = notes.join(' ') || undefined;

  switch (spec.type) {
    case 'number':
      return <TextField field={`attr.${name}`} label={name} value={value as number} format={formatExact} parse={(text) => parseNumber(text)} commit={commit} hint={hint} />;
    case 'integer':
      return (
        <TextField
          field={`attr.${name}`}
          label={name}
          value={value as number | null}
          format={(v) => (v === null ? '' : formatExact(v))}
          parse={(text) => parseInteger(text, { min: spec.min, nullable: spec.default === null })}
          commit={commit}
          hint={hint}
          inputMode="numeric"
        />
      );
    case 'boolean':
      return <CheckField testid={testid} label={name} checked={value === true} onChange={commit} hint={hint} />;
    case 'enum':
      return <SelectField testid={testid} label={name} value={String(value)} options={spec.values.map((v) => ({ value: v, label: v }))} onChange={commit} hint={hint} />;
    case 'shape':
      return (
        <TextField
          field={`attr.${name}`}
          label={name}
          value={Array.isArray(value) ? value : []}
          format={formatShapeText}
          parse={parseReshapeTarget}
          commit={commit}
          hint={hint}
          inputMode="text"
        />
      );
  }
}
