import type { AnyOpDef, FileNode } from '../../engine';
import { judgeConnection, OUTPUT_HANDLE } from '../canvas/connect';
import { useT } from '../i18n/useT';
import { msg } from '../i18n/words';
import { useSession, useSessionApi } from '../session/useSession';
import { SelectField } from './SelectField';

/**
 * Each input port of the node with a choice of what feeds it: the keyboard's way to wire
 * the graph, refusing cycles and fed ports with the same reasons as a drag on the canvas.
 */
export function PortInputs({ node, def }: { readonly node: FileNode; readonly def: AnyOpDef }) {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const others = doc.nodes.filter((n) => n.id !== node.id);
  const wire = (port: string, source: string) => {
    const current = session.state.history.present;
    if (source === '') {
      session.edit('disconnect', (d) => void (d.edges = d.edges.filter((e) => !(e.target === node.id && e.targetPort === port))));
      return;
    }
    const freed = { ...current, edges: current.edges.filter((e) => !(e.target === node.id && e.targetPort === port)) };
    const verdict = judgeConnection(freed, { source, sourceHandle: OUTPUT_HANDLE, target: node.id, targetHandle: port });
    if (!verdict.ok) {
      session.notify({ kind: 'error', text: msg(`canvas.refused.${verdict.reason}`, verdict.vars) });
      return;
    }
    session.edit('connect', (d) => {
      d.edges = d.edges.filter((e) => !(e.target === node.id && e.targetPort === port));
      d.edges.push(verdict.edge);
    });
  };
  return (
    <section className="insp-section" data-testid="inspector.inputs">
      <h3>{t('inspector.inputs')}</h3>
      {def.inputs.map((p) => {
        const fed = doc.edges.find((e) => e.target === node.id && e.targetPort === p.name)?.source ?? '';
        return (
          <SelectField
            key={p.name}
            testid={`inspector.input.${p.name}`}
            label={t('inspector.inputPort', { port: p.name })}
            value={fed}
            options={[
              { value: '', label: p.fallbackAttr ? t('inspector.input.constant', { attr: p.fallbackAttr }) : t('inspector.input.none') },
              ...others.map((n) => ({ value: n.id, label: n.label ? `${n.label} (${n.id})` : n.id })),
            ]}
            onChange={(v) => wire(p.name, v)}
          />
        );
      })}
    </section>
  );
}
