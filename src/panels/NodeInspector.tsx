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

/** Every editor that applies to one node, top to bottom: what it is, its settings, its values, and what it computed. */
export function NodeInspector({ id }: { readonly id: string }) {
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
