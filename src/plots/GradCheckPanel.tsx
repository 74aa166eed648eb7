import { useMemo, useState } from 'react';
import { gradientCheck } from '../../engine';
import { formatNumber } from '../format';
import { runErrorText } from '../i18n/problemText';
import { useT } from '../i18n/useT';
import { runErrorOf } from '../session/runError';
import { useSession, useSessionApi } from '../session/useSession';
import { type CheckRow, checkRows, checkTargets, REL_DIGITS } from './gradcheckRows';
import './plots.css';
import './plotMessages';

/** The result shown: which leaf, its rows, and whether every element passed. */
interface Outcome {
  readonly key: string;
  readonly rows: readonly CheckRow[];
  readonly maxRelError: number;
}

/** The gradient check: autodiff beside central differences for a chosen leaf, element by element, at the model's current parameters. */
export function GradCheckPanel() {
  const t = useT();
  const session = useSessionApi();
  const program = useSession((s) => s.compiled.program);
  const hasErrors = useSession((s) => s.compiled.problems.some((p) => p.severity === 'error'));
  const targets = useMemo(() => (program ? checkTargets(program) : []), [program]);
  const [pick, setPick] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = targets.find((x) => x.key === pick) ?? targets[0];
  const run = () => {
    setError(null);
    setOutcome(null);
    if (!target) return;
    if (!program || hasErrors) return setError(t('gradcheck.noProgram'));
    if (!program.loss) return setError(t('gradcheck.noLoss'));
    // The check runs on the session's program at its current parameters and puts every buffer back: no other view changes.
    try {
      const r = session.withScratch((p) => gradientCheck(p, { node: target.node, param: target.param }));
      if (r) setOutcome({ key: target.key, rows: checkRows(r, target.shape), maxRelError: r.maxRelError });
    } catch (e) {
      setError(runErrorText(t, runErrorOf(e)));
    }
  };
  const allPass = outcome ? outcome.rows.every((r) => r.pass) : false;
  return (
    <div className="gradcheck" data-testid="gradcheck">
      <p className="gradcheck__intro">{t('gradcheck.intro')}</p>
      {targets.length === 0 ? (
        <p className="plot__empty">{t('gradcheck.noLeaves')}</p>
      ) : (
        <div className="gradcheck__bar">
          <label>
            {t('gradcheck.leaf')}{' '}
            <select
              data-testid="gradcheck.leaf"
              value={target?.key ?? ''}
              onChange={(e) => {
                setPick(e.target.value);
                setOutcome(null);
              }}
            >
              {targets.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.key} [{x.shape.join(', ')}]
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-testid="gradcheck.run" onClick={run}>
            {t('gradcheck.run')}
          </button>
        </div>
      )}
      {error && (
        <p className="gradcheck__error" role="alert" data-testid="gradcheck.error">
          {error}
        </p>
      )}
      {outcome && (
        <>
          <p className={allPass ? 'gradcheck__verdict pass' : 'gradcheck__verdict fail'} data-testid="gradcheck.verdict" data-pass={allPass}>
            {allPass ? t('gradcheck.allPass', { leaf: outcome.key }) : t('gradcheck.someFail', { leaf: outcome.key, n: outcome.rows.filter((r) => !r.pass).length })}{' '}
            {t('gradcheck.maxRel', { e: formatNumber(outcome.maxRelError, REL_DIGITS) })}
          </p>
          <div className="gradcheck__scroll">
            <table className="gradcheck__table" data-testid="gradcheck.table">
              <thead>
                <tr>
                  <th scope="col">{t('gradcheck.col.index')}</th>
                  <th scope="col">{t('gradcheck.col.analytic')}</th>
                  <th scope="col">{t('gradcheck.col.numeric')}</th>
                  <th scope="col">{t('gradcheck.col.relError')}</th>
                  <th scope="col">{t('gradcheck.col.pass')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.rows.map((r, i) => (
                  <tr key={r.index} data-testid={`gradcheck.row.${i}`} data-pass={r.pass} className={r.pass ? 'pass' : 'fail'}>
                    <td>{r.index}</td>
                    <td>{r.analytic}</td>
                    <td>{r.numeric}</td>
                    <td>{r.relError}</td>
                    <td aria-label={r.pass ? t('gradcheck.pass') : t('gradcheck.fail')}>{r.pass ? '✓' : '✗'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
