import { formatShape } from '../../engine';
import { problemText, runErrorText } from '../i18n/problemText';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { useFollowedIndex } from '../stepper/useFollowed';
import { TensorTable } from './TensorTable';
import { useNodeResult } from './useNodeResult';

/** The node's full value and gradient as tables with their shape, and those of the tensors it owns; or why there are none. */
export function RunValues({ id }: { readonly id: string }) {
  const t = useT();
  const result = useNodeResult(id);
  const session = useSessionApi();
  // Clicking a cell of the node's value or gradient follows that element in the explanation.
  const follow = { followed: useFollowedIndex(id), onFollow: (index: number) => session.follow({ node: id, index }) };
  const problems = useSession((s) => s.compiled.problems);
  const runError = useSession((s) => s.run.runError);
  const errors = problems.filter((p) => p.severity === 'error');
  const mine = errors.filter((p) => p.node === id);
  // When the whole graph cannot run, say what stops it, even if it is elsewhere.
  const elsewhere = result ? [] : errors.filter((p) => p.node !== id).slice(0, 5);
  return (
    <section className="insp-section" aria-label={t('inspector.section.result')}>
      <h3>{t('inspector.section.result')}</h3>
      {(mine.length > 0 || runError?.node === id) && (
        <div className="insp-problems" role="alert" data-testid="inspector.problems">
          <strong>{t('inspector.problems')}</strong>
          <ul>
            {mine.map((p, i) => (
              <li key={i}>{problemText(t, p)}</li>
            ))}
            {runError?.node === id && <li>{runErrorText(t, runError)}</li>}
          </ul>
        </div>
      )}
      {!result?.value ? (
        <div className="insp-hint" data-testid="inspector.notEvaluated">
          {t('inspector.notEvaluated')}
          {elsewhere.length > 0 && (
            <ul>
              {elsewhere.map((p, i) => (
                <li key={i}>{problemText(t, p)}</li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <TensorTable testid="inspector.value" caption={t('inspector.valueTable', { shape: formatShape(result.value.shape) })} shape={result.value.shape} data={result.value.data} follow={follow} />
          {!result.backwardRan && result.grad ? (
            <p className="insp-hint" data-testid="inspector.grad.none">
              {t('inspector.gradBeforeBackward', { name: id })}
            </p>
          ) : result.grad ? (
            <TensorTable testid="inspector.grad" caption={t('inspector.gradTable', { shape: formatShape(result.grad.shape) })} shape={result.grad.shape} data={result.grad.data} follow={follow} />
          ) : (
            <p className="insp-hint" data-testid="inspector.grad.none">
              {t('inspector.noGrad')}
            </p>
          )}
          {result.backwardCount > 1 && <p className="insp-hint">{t('inspector.gradSum', { count: result.backwardCount })}</p>}
          {result.params.map((p) => (
            <div key={p.name} className="insp-param-result">
              <TensorTable
                testid={`inspector.param.${p.name}.value`}
                caption={t('inspector.paramValue', { name: p.name, shape: formatShape(p.value.shape) })}
                shape={p.value.shape}
                data={p.value.data}
              />
              {result.backwardRan && (
                <TensorTable
                  testid={`inspector.param.${p.name}.grad`}
                  caption={t('inspector.paramGrad', { name: p.name, shape: formatShape(p.grad.shape) })}
                  shape={p.grad.shape}
                  data={p.grad.data}
                />
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
