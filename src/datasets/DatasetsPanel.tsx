import { useReactFlow } from '@xyflow/react';
import { useId } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../canvas/placement';
import { useT } from '../i18n/useT';
import { parseInteger, parseNumber } from '../parseNumber';
import { useSession, useSessionApi } from '../session/useSession';
import { type BindView, bindProblem } from './bind';
import { BUILTIN_NAMES, builtinDataset, type ColumnRole } from './builtin';
import { loadCsvFile } from './csvDrop';
import { DocumentDatasetList } from './DocumentDatasetList';
import { planBind } from './plan';
import type { Scaling } from './transform';
import './datasets.css';
import './datasetsMessages';

/** Rows the preview table shows. */
const PREVIEW_ROWS = 8;

const ROLES: readonly ColumnRole[] = ['feature', 'target', 'label', 'unused'];
const SCALINGS: readonly Scaling[] = ['none', 'centre', 'standardise'];

/** Screen pixels kept free at the canvas's top, where the notice saying what Bind did appears over it. */
const NOTICE_ROOM = 80;

/** What the canvas shows below the notice, in flow coordinates, and the boxes of the nodes drawn there (undefined when the canvas is not on the page). */
function useCanvasView(): () => BindView | undefined {
  const flow = useReactFlow();
  return () => {
    const r = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!r || r.width === 0 || r.height <= NOTICE_ROOM) return undefined;
    const a = flow.screenToFlowPosition({ x: r.left, y: r.top + NOTICE_ROOM }, { snapToGrid: false });
    const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom }, { snapToGrid: false });
    const taken = flow.getNodes().map((n) => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? NODE_WIDTH, height: n.measured?.height ?? NODE_HEIGHT }));
    return { view: { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }, taken };
  };
}

/** The datasets panel: the document's datasets, built-in datasets, CSV import, column roles, split and scaling, and Bind. */
export function DatasetsPanel() {
  const t = useT();
  const id = useId();
  const session = useSessionApi();
  const canvasView = useCanvasView();
  const { draft, errors, split, scaling } = useSession((s) => s.datasets);
  const plan = draft ? planBind(draft, split, scaling) : null;
  const problem = plan ? bindProblem(plan) : null;

  return (
    <div className="datasets" data-testid="datasets">
      <DocumentDatasetList />
      <section className="datasets__section" aria-labelledby={`${id}-builtin`}>
        <h3 id={`${id}-builtin`}>{t('datasets.builtin')}</h3>
        <div className="datasets__buttons">
          {BUILTIN_NAMES.map((name) => (
            <button
              key={name}
              type="button"
              data-testid={`datasets.builtin.${name}`}
              title={t(`datasets.builtin.${name}.hint`)}
              onClick={() => {
                const b = builtinDataset(name);
                session.loadDraft({ name: b.name, dataset: b.dataset, roles: b.roles, textColumns: [] });
              }}
            >
              {t(`datasets.builtin.${name}`)}
            </button>
          ))}
        </div>
      </section>

      <section className="datasets__section">
        <label htmlFor={`${id}-file`}>{t('datasets.import')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          data-testid="datasets.import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void loadCsvFile(session, file);
          }}
        />
        <p className="insp-hint">{t('datasets.dropHint')}</p>
        {errors && (
          <div className="insp-error datasets__error" role="alert" data-testid="datasets.error">
            <p>{t('datasets.importFailed')}</p>
            <ul>
              {errors.map((m, i) => (
                <li key={i}>{typeof m === 'string' ? m : t(m.key, m.vars)}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {draft && (
        <>
          <section className="datasets__section">
            <h3>
              {t('datasets.current', { name: draft.name, rows: draft.dataset.rows.length, columns: draft.dataset.columns.length })}
            </h3>
            {draft.textColumns.length > 0 && <p className="insp-hint">{t('datasets.textColumns', { columns: draft.textColumns.join(', ') })}</p>}
            <div className="datasets__table-wrap">
              <table className="insp-grid datasets__preview" data-testid="datasets.preview" data-rows={draft.dataset.rows.length}>
                <caption>{t('datasets.preview', { n: Math.min(PREVIEW_ROWS, draft.dataset.rows.length) })}</caption>
                <thead>
                  <tr>
                    {draft.dataset.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                  <tr>
                    {draft.dataset.columns.map((c) => (
                      <th key={c} scope="col">
                        <select
                          aria-label={t('datasets.roleOf', { column: c })}
                          data-testid={`datasets.role.${c}`}
                          value={draft.roles[c] ?? 'unused'}
                          onChange={(e) => session.setRole(c, e.target.value as ColumnRole)}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`datasets.role.${r}`)}
                            </option>
                          ))}
                        </select>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {draft.dataset.rows.slice(0, PREVIEW_ROWS).map((r, i) => (
                    <tr key={i}>
                      {r.map((v, j) => (
                        <td key={j}>{v}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="datasets__section">
            <div className="insp-field insp-check">
              <label>
                <input
                  type="checkbox"
                  data-testid="datasets.split"
                  checked={split.enabled}
                  onChange={(e) => session.setSplit({ enabled: e.target.checked })}
                />
                {t('datasets.split')}
              </label>
            </div>
            {split.enabled && (
              <div className="datasets__row">
                <label>
                  {t('datasets.split.fraction')}
                  <input
                    type="number"
                    min={0.05}
                    max={0.95}
                    step={0.05}
                    data-testid="datasets.split.fraction"
                    value={split.testFraction}
                    onChange={(e) => {
                      const v = parseNumber(e.target.value);
                      if (v.ok && v.value > 0 && v.value < 1) session.setSplit({ testFraction: v.value });
                    }}
                  />
                </label>
                <label>
                  {t('datasets.split.seed')}
                  <input
                    type="number"
                    step={1}
                    data-testid="datasets.split.seed"
                    value={split.seed}
                    onChange={(e) => {
                      const v = parseInteger(e.target.value);
                      if (v.ok && v.value !== null) session.setSplit({ seed: v.value });
                    }}
                  />
                </label>
              </div>
            )}
            <div className="insp-field">
              <label htmlFor={`${id}-scale`}>{t('datasets.scale')}</label>
              <select id={`${id}-scale`} data-testid="datasets.scale" value={scaling} onChange={(e) => session.setScaling(e.target.value as Scaling)}>
                {SCALINGS.map((s) => (
                  <option key={s} value={s}>
                    {t(`datasets.scale.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </section>

          <section className="datasets__section">
            <button type="button" className="datasets__bind" data-testid="datasets.bind" disabled={problem !== null} onClick={() => session.bindDraft(canvasView())}>
              {t('datasets.bind')}
            </button>
            <p className="insp-hint">{problem ? t(`datasets.problem.${problem}`) : t('datasets.bindHint')}</p>
          </section>
        </>
      )}
    </div>
  );
}
