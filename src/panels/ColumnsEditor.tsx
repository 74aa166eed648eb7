import { useState } from 'react';
import type { FileNode, GraphFile } from '../../engine';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { CheckField } from './CheckField';
import { useEditNode } from './editNode';
import { SelectField } from './SelectField';
import { setColumns } from './tensorTargets';

type Columns = Extract<NonNullable<FileNode['value']>, { type: 'columns' }>;

/** Binds an input to a dataset's columns: the dataset, which columns, and whether one column is a vector. */
export function ColumnsEditor({ node, value }: { readonly node: FileNode; readonly value: Columns }) {
  const t = useT();
  const datasets = useSession((s) => s.history.present.datasets) as GraphFile['datasets'];
  const [refused, setRefused] = useState(false);
  const editNode = useEditNode();
  const names = Object.keys(datasets);
  // Own entries only: a dataset named `toString` or `constructor` is a name like any other.
  const datasetOf = (name: string) => (Object.hasOwn(datasets, name) ? datasets[name] : undefined);
  const dataset = datasetOf(value.dataset);
  const options = names.map((n) => ({ value: n, label: n }));
  if (!dataset) options.push({ value: value.dataset, label: t('inspector.columns.missing', { name: value.dataset }) });
  const write = (name: string, cols: string[], vector: boolean) => {
    setRefused(false);
    editNode(node.id, 'bind columns', (n) => setColumns(n, name, cols, vector));
  };

  const toggle = (col: string, on: boolean) => {
    const cols = on ? (dataset?.columns ?? []).filter((c) => c === col || value.columns.includes(c)) : value.columns.filter((c) => c !== col);
    if (cols.length > 0) write(value.dataset, cols, value.vector === true);
    else setRefused(true);
  };

  return (
    <div className="insp-columns">
      <SelectField
        testid="inspector.columns.dataset"
        label={t('inspector.columns.dataset')}
        value={value.dataset}
        options={options}
        onChange={(name) => {
          const first = datasetOf(name)?.columns[0];
          if (first !== undefined) write(name, [first], false);
        }}
      />
      {dataset && (
        <fieldset className="insp-fieldset">
          <legend>{t('inspector.columns.columns')}</legend>
          {dataset.columns.map((c) => (
            <CheckField key={c} testid={`inspector.columns.col.${c}`} label={c} checked={value.columns.includes(c)} onChange={(on) => toggle(c, on)} />
          ))}
          {refused && (
            <span className="insp-error" role="alert" data-testid="inspector.error.columns">
              {t('inspector.err.no_columns')}
            </span>
          )}
        </fieldset>
      )}
      <CheckField
        testid="inspector.columns.vector"
        label={t('inspector.columns.vector')}
        checked={value.vector === true}
        disabled={value.columns.length !== 1}
        onChange={(on) => write(value.dataset, [...value.columns], on)}
      />
    </div>
  );
}
