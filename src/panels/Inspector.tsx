import { useId } from 'react';
import { type FileNode, lookupOp } from '../../engine';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { AttrFields } from './AttrFields';
import { CheckField } from './CheckField';
import { useEditNode } from './editNode';
import { LeafValueEditor } from './LeafValueEditor';
import { LossToggle } from './LossToggle';
import { NodeHeader } from './NodeHeader';
import { OpParamsEditor } from './OpParamsEditor';
import { ParameterEditor } from './ParameterEditor';
import { PortInputs } from './PortInputs';
import { RunValues } from './RunValues';
import './panels.css';

/** The right sidebar: edits the one selected node, or says how many are selected, or how to select one. */
export function Inspector() {
  const t = useT();
  const headingId = useId();
  const selection = useSession((s) => s.selection);
  const nodes = useSession((s) => s.history.present.nodes);
  const selected = selection.filter((id) => nodes.some((n) => n.id === id));
  return (
    <section className="inspector" data-testid="inspector" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('inspector.title')}</h2>
      {selected.length === 0 && <p className="insp-hint" data-testid="inspector.empty">{t('inspector.empty')}</p>}
      {selected.length > 1 && (
        <p className="insp-hint" data-testid="inspector.many">
          {t('inspector.many', { count: selected.length })}
        </p>
      )}
      {/* Keyed by id: drafts and paste boxes start fresh for each node. */}
      {selected.length === 1 && <NodeInspector key={selected[0]} id={selected[0]} />}
    </section>
  );
}

/** Every editor that applies to one node, top to bottom: what it is, its settings, its values, and what it computed. */
function NodeInspector({ id }: { readonly id: string }) {
  const t = useT();
  const editNode = useEditNode();
  const node = useSession((s) => s.history.present.nodes.find((n) => n.id === id)) as FileNode | undefined;
  const def = node && lookupOp(node.op);
  if (!node || !def) return null;
  return (
    <div className="insp-node" data-node={id}>
      <NodeHeader node={node} def={def} />
      {def.kind === 'op' && def.inputs.length > 0 && <PortInputs node={node} def={def} />}
      {def.kind === 'op' && <AttrFields node={node} def={def} />}
      {(node.op === 'input' || node.op === 'constant') && <LeafValueEditor node={node} />}
      {node.op === 'input' && (
        <CheckField
          testid="inspector.requiresGrad"
          label={t('inspector.requiresGrad')}
          checked={node.requiresGrad === true}
          onChange={(on) => editNode(id, on ? 'require grad' : 'stop grad', (n) => void (on ? (n.requiresGrad = true) : delete n.requiresGrad))}
        />
      )}
      {node.op === 'parameter' && <ParameterEditor node={node} />}
      {def.kind === 'op' && def.params && <OpParamsEditor node={node} def={def} />}
      <LossToggle id={id} />
      <RunValues id={id} />
    </div>
  );
}
