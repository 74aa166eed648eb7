import { memo, useState } from 'react';
import { Handle, type NodeProps, Position, useStore } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { formatShape } from '../../engine';
import { issueText } from '../i18n/problemText';
import { useT } from '../i18n/useT';
import { OUTPUT_HANDLE } from './connect';
import { zoomedOut } from './detail';
import type { OpFlowNode } from './flowElements';
import { attrSummary, formulaOf, portFallback, portsOf } from './nodeInfo';
import { isBlocking, issueLabelKey, issueTipId, nodeIssues, type NodeIssue } from './problems';
import { NodeTable } from './NodeTable';
import { MarkLine, StepRow } from './StepRow';
import { TensorView } from './TensorView';
import { isEntering, isLinked } from '../session/codeLink';
import './codeLink.css';
import { markOf } from '../session/marks';
import { useSession } from '../session/useSession';

/**
 * One graph node: name and badges, op and formula, its input ports (target handles named
 * after the ports) and its output, the output shape, value and gradient previews, and any
 * problem. Defined once and memoised: it re-renders when its identity data or its own
 * shape or problems change, or when the zoom crosses DETAIL_ZOOM (below it the node is a
 * labelled box without previews); values re-render inside TensorView.
 */
export const OpNode = memo(function OpNode({ id, data, selected }: NodeProps<OpFlowNode>) {
  const t = useT();
  const shape = useSession((s) => s.compiled.shapes.get(id));
  const issues = useSession(useShallow((s) => nodeIssues({ problems: s.compiled.problems, runError: s.run.runError }, id)));
  const marked = useSession((s) => markOf(s.marks, id) !== undefined);
  // The code panel's links: just added by the code (drawn entering), or made by the statement the pointer is on.
  const entering = useSession((s) => isEntering(s, id));
  const linked = useSession((s) => isLinked(s, id));
  const far = useStore(zoomedOut);
  const isParam = data.op === 'parameter';
  const fed = new Set(data.fed.split(','));
  const attrs = attrSummary(data.op, data.attrs);
  const blocking = issues.some(isBlocking);
  const mismatch = issues.some((i) => 'code' in i && i.code === 'shape_mismatch');
  // A node that does not compile has no trustworthy output shape.
  const shapeKnown = shape !== undefined && !issues.some((i) => 'code' in i && i.severity === 'error');
  const className = [
    'opnode',
    isParam && 'opnode--param',
    data.requiresGrad && 'opnode--requires-grad',
    data.isLoss && 'opnode--loss',
    issues.length > 0 && (blocking ? 'opnode--error' : 'opnode--warning'),
    selected && 'opnode--selected',
    marked && 'opnode--marked',
    entering && 'opnode--entering',
    linked && 'opnode--linked',
    far && 'opnode--far',
  ]
    .filter(Boolean)
    .join(' ');

  const details = [attrs, data.summary].filter(Boolean).join(' · ');
  // A vector or matrix can open a table of every element inside the node.
  const [tableOpen, setTableOpen] = useState(false);
  const hasTable = shapeKnown && shape.length > 0 && shape.reduce((p, d) => p * d, 1) > 1;
  const inputs = portsOf(data.op);
  return (
    <div className={className}>
      <div className="opnode__head">
        <span className="opnode__name">{data.label ?? id}</span>
        {isParam && (
          <span className="opnode__badge opnode__badge--param" title={t('canvas.node.badge.paramTitle')}>
            {t('canvas.node.badge.param')}
          </span>
        )}
        {data.requiresGrad && (
          <span className="opnode__badge opnode__badge--grad" title={t('canvas.node.badge.requiresGradTitle')}>
            {t('canvas.node.badge.requiresGrad')}
          </span>
        )}
        {data.isLoss && (
          <span className="opnode__badge opnode__badge--loss" title={t('canvas.node.badge.lossTitle')}>
            {t('canvas.node.badge.loss')}
          </span>
        )}
        <span className={`opnode__shape${mismatch ? ' opnode__shape--bad' : ''}`} data-testid={`node.${id}.shape`} title={t('canvas.node.shapeTitle')}>
          {shapeKnown ? formatShape(shape) : '?'}
        </span>
        {hasTable && (
          <button
            type="button"
            className="opnode__tableToggle nodrag"
            data-testid={`node.${id}.tableToggle`}
            aria-expanded={tableOpen}
            title={t(tableOpen ? 'canvas.node.table.hide' : 'canvas.node.table.show')}
            aria-label={t(tableOpen ? 'canvas.node.table.hide' : 'canvas.node.table.show')}
            onClick={() => setTableOpen((o) => !o)}
          >
            ▦
          </button>
        )}
      </div>
      <div className="opnode__opline" title={[formulaOf(data.op), details].filter(Boolean).join(' · ')}>
        <span className="opnode__op" data-testid={`node.${id}.op`}>
          {data.op}
        </span>
        <span className="opnode__formula">{formulaOf(data.op)}</span>
        {details && <span className="opnode__attrs">{details}</span>}
      </div>
      <div className="opnode__ports">
        <div className="opnode__inputs">
          {inputs.map((p) => {
            const fallback = fed.has(p.name) ? null : portFallback(p, data.op, data.attrs);
            const name = t('canvas.port.input', { port: p.name, node: id });
            return (
              <div className="opnode__port" key={p.name}>
                <Handle type="target" position={Position.Left} id={p.name} data-testid={`handle.${id}.${p.name}`} aria-label={name} title={name} />
                {p.name}
                {fallback && <span className="opnode__fallback"> ({fallback})</span>}
              </div>
            );
          })}
        </div>
        <div className="opnode__output">
          <Handle
            type="source"
            position={Position.Right}
            id={OUTPUT_HANDLE}
            data-testid={`handle.${id}.${OUTPUT_HANDLE}`}
            aria-label={t('canvas.port.output', { node: id })}
            title={t('canvas.port.output', { node: id })}
          />
        </div>
      </div>
      {!far && (
        <>
          <TensorView id={id} which="value" />
          <TensorView id={id} which="grad" />
          {hasTable && tableOpen && <NodeTable id={id} name={data.label ?? id} />}
          <StepRow id={id} op={data.op} />
        </>
      )}
      <MarkLine id={id} />
      {issues.length > 0 && <IssueLine id={id} issues={issues} />}
    </div>
  );
});

/** The short problem line on a node, with the full messages in a tooltip shown on hover and focus. */
function IssueLine({ id, issues }: { id: string; issues: readonly NodeIssue[] }) {
  const t = useT();
  const label = (i: NodeIssue) => t(issueLabelKey(i));
  return (
    <div className="opnode__issue" data-testid={`node.${id}.problem`}>
      <span aria-hidden="true">⚠ </span>
      {label(issues[0])}
      {issues.length > 1 && ` (+${issues.length - 1})`}
      <div className="opnode__tip" role="tooltip" id={issueTipId(id)}>
        {issues.map((i, k) => (
          <p key={k}>
            <strong>{label(i)}:</strong> {issueText(t, i)}
          </p>
        ))}
      </div>
    </div>
  );
}
