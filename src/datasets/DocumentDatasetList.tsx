import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { documentDatasets } from './documentDatasets';

/** The datasets the open document holds (an example's own included): size, columns, the input nodes reading them, and a button to prepare one again. */
export function DocumentDatasetList() {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const list = useMemo(() => documentDatasets(doc), [doc]);
  return (
    <section className="datasets__section" data-testid="datasets.document">
      <h3>{t('datasets.inDocument')}</h3>
      {list.length === 0 && <p className="insp-hint">{t('datasets.inDocument.none')}</p>}
      <ul className="datasets__list">
        {list.map((d) => (
          <li key={d.name} data-testid={`datasets.document.${d.name}`}>
            <div className="datasets__list-head">
              <strong>{d.name}</strong>
              <span className="insp-hint">
                {t('datasets.inDocument.size', { rows: d.dataset.rows.length, columns: d.dataset.columns.length })}
                {d.hasTest ? ` · ${t('datasets.inDocument.withTest')}` : ''}
              </span>
              <button
                type="button"
                data-testid={`datasets.document.${d.name}.prepare`}
                title={t('datasets.inDocument.prepareHint')}
                onClick={() => session.loadDraft({ name: d.name, dataset: d.dataset, roles: d.roles, textColumns: [] })}
              >
                {t('datasets.inDocument.prepare')}
              </button>
            </div>
            <p className="datasets__columns" data-testid={`datasets.document.${d.name}.columns`}>
              {t('datasets.inDocument.columns', { columns: d.dataset.columns.join(', ') })}
            </p>
            <p className="insp-hint">
              {d.readers.length === 0
                ? t('datasets.inDocument.unread')
                : t('datasets.inDocument.readers', { list: d.readers.map((r) => `${r.node} ← ${r.columns.join(', ')}`).join('; ') })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
