import { useId } from 'react';
import type { AnyOpDef, FileNode, LeafDef } from '../../engine';
import { useT } from '../i18n/useT';
import { useEditNode } from './editNode';
import { setLabel } from './nodeEdits';
import { TextField } from './TextField';

const always = (text: string) => ({ ok: true as const, value: text });
const same = (text: string) => text;

/** The node's label (editable), its id (read-only: wires and the loss refer to it) and its op with the formula. */
export function NodeHeader({ node, def }: { readonly node: FileNode; readonly def: AnyOpDef | LeafDef }) {
  const t = useT();
  const idField = useId();
  const editNode = useEditNode();
  return (
    <section className="insp-section insp-header">
      <p className="insp-op" data-testid="inspector.op">
        <span className="insp-op-name">{node.op}</span> <span className="insp-formula">{def.formula}</span>
        {node.op === 'parameter' && <span className="insp-badge">{t('inspector.trainable')}</span>}
      </p>
      <TextField
        field="label"
        label={t('inspector.label')}
        value={node.label ?? ''}
        format={same}
        parse={always}
        commit={(text) => editNode(node.id, 'rename', (n) => setLabel(n, text), `label:${node.id}`)}
        inputMode="text"
        placeholder={node.id}
        maxLength={200}
      />
      <div className="insp-field">
        <label htmlFor={idField}>{t('inspector.id')}</label>
        <input id={idField} type="text" readOnly value={node.id} data-testid="inspector.id" className="insp-readonly-input" />
      </div>
    </section>
  );
}
