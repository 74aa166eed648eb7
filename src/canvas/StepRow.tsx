import { useLayoutEffect, useRef } from 'react';
import { lookupOp } from '../../engine';
import { formatNumber, numbersJson } from '../format';
import { useT } from '../i18n/useT';
import { useLanguage } from '../i18n/language';
import { markOf } from '../session/marks';
import { useSession } from '../session/useSession';
import { divergenceText } from '../training/divergenceText';
import { MAX_LISTED } from './preview';
import { gradFnLabel, previewText } from './stepLabels';

/**
 * What step-through shows on one node: its value this step, its gradient (Σ of its edges'
 * contributions), each parameter's before → after and −lr·grad, and the grad_fn label. Marks
 * the node's wrapper data-current while its event is the current one. Reads only this node's view.
 */
export function StepRow({ id, op }: { id: string; op: string }) {
  const t = useT();
  const view = useSession((s) => s.stepper.nodes.get(id));
  const lr = useSession((s) => s.history.present.training.optimizer.lr);
  const showGradFn = useSession((s) => s.stepper.gradFnLabels);
  const requiresGrad = useSession((s) => showGradFn && (s.compiled.program?.slots.find((x) => x.id === id)?.grad ?? null) !== null);
  const ownParams = useSession((s) => (showGradFn ? (s.compiled.program?.params.filter((p) => p.node === id).length ?? 0) : 0));
  const attrs = useSession((s) => (showGradFn ? s.history.present.nodes.find((n) => n.id === id)?.attrs : undefined));
  const ref = useRef<HTMLDivElement>(null);
  const current = view?.current ?? false;
  useLayoutEffect(() => {
    // On React Flow's wrapper, which carries the node's test id; set directly so the graph does not re-render.
    const wrapper = ref.current?.closest('.react-flow__node');
    if (!wrapper) return;
    if (current) wrapper.setAttribute('data-current', 'true');
    else wrapper.removeAttribute('data-current');
  }, [current]);
  const gradFn = showGradFn ? gradFnLabel(lookupOp(op), requiresGrad, ownParams, attrs) : null;
  return (
    <div ref={ref} className="opnode__step">
      {gradFn && (
        <div className="opnode__gradfn" data-testid={`node.${id}.gradFn`}>
          {gradFn}
        </div>
      )}
      {view?.value && (
        <div className="opnode__stepline opnode__stepline--forward" data-testid={`node.${id}.step.value`} data-value={numbersJson(view.value.data, MAX_LISTED)}>
          <span aria-hidden="true">→ </span>
          {previewText(view.value.shape, view.value.data)}
        </div>
      )}
      {view?.grad && (
        <div className="opnode__stepline opnode__stepline--backward" data-testid={`node.${id}.step.grad`} data-value={numbersJson(view.grad.data, MAX_LISTED)} data-parts={view.parts}>
          <span aria-hidden="true">← ∂ </span>
          {previewText(view.grad.shape, view.grad.data)}
          {view.parts > 1 && <span className="opnode__sum"> ({t('stepper.node.sum', { count: view.parts })})</span>}
        </div>
      )}
      {view?.params.map((p) => (
        <div key={p.param} className="opnode__stepline opnode__stepline--update" data-testid={`node.${id}.update.${p.param}`}>
          {p.param !== 'value' && <span className="opnode__param">{p.param}: </span>}
          {p.before && p.after ? (
            <>
              {formatNumber(p.before[0])} → <strong>{formatNumber(p.after[0])}</strong>
              {p.before.length > 1 && ' …'}
              {/* On a line of its own, so the update reads as two fixed lines instead of wrapping mid-expression. */}
              {p.grad && <span className="opnode__delta">−lr·grad = {formatNumber(-lr * p.grad[0])}</span>}
            </>
          ) : (
            p.grad && <>∂ {previewText([p.grad.length], p.grad)}</>
          )}
        </div>
      ))}
    </div>
  );
}

/** Where training broke the divergence rule: the run's message, in the interface language, under a red outline. */
export function MarkLine({ id }: { id: string }) {
  const marked = useSession((s) => markOf(s.marks, id) !== undefined);
  const divergence = useSession((s) => s.training.divergence);
  const lang = useLanguage((s) => s.lang);
  if (!marked || !divergence) return null;
  return (
    <div className="opnode__mark" data-testid={`node.${id}.mark`} role="status">
      <span aria-hidden="true">⚠ </span>
      {divergenceText(lang, divergence.detail, divergence.lr)}
    </div>
  );
}
