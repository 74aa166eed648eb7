import type { FileNode, GraphFile } from '../../engine';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { ArangeEditor } from './ArangeEditor';
import { ColumnsEditor } from './ColumnsEditor';
import { useEditNode } from './editNode';
import type { SourceType } from './nodeEdits';
import { SelectField } from './SelectField';
import { TensorEditor } from './TensorEditor';
import { leafValueTarget, setSource } from './tensorTargets';

const SOURCES: readonly SourceType[] = ['tensor', 'arange', 'columns'];

/** Where an input or constant gets its value: typed values, a range, or dataset columns, with the editor for each. */
export function LeafValueEditor({ node }: { readonly node: FileNode }) {
  const t = useT();
  const hasDatasets = useSession((s) => Object.keys(s.history.present.datasets).length > 0);
  const value = node.value;
  const editNode = useEditNode();
  // A node loaded without a value shows no source until one is picked.
  const source: SourceType | '' = value?.type ?? '';
  return (
    <section className="insp-section" aria-label={t('inspector.section.value')}>
      <h3>{t('inspector.section.value')}</h3>
      <SelectField
        testid="inspector.source"
        label={t('inspector.source')}
        value={source}
        options={[
          ...(source === '' ? [{ value: '', label: '—', disabled: true }] : []),
          ...SOURCES.map((s) => ({ value: s, label: t(`inspector.source.${s}`), disabled: s === 'columns' && !hasDatasets && source !== 'columns' })),
        ]}
        hint={hasDatasets ? undefined : t('inspector.source.noDatasets')}
        onChange={(s) => editNode(node.id, 'set value source', (n, doc) => void setSource(n, s as SourceType, doc as GraphFile))}
      />
      {value?.type === 'arange' && <ArangeEditor node={node} range={value} />}
      {value?.type === 'columns' && <ColumnsEditor node={node} value={value} />}
      {value?.type === 'tensor' && <TensorEditor node={node} target={leafValueTarget} title={t('inspector.values')} />}
    </section>
  );
}
