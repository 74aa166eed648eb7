import type { FileNode } from '../../engine';
import { useT } from '../i18n/useT';
import { InitEditor } from './InitEditor';
import { TensorEditor } from './TensorEditor';
import { parameterTarget } from './tensorTargets';

/** A `parameter` leaf: its shape and values (the table writes `params.value`), its initialiser and Re-initialise. */
export function ParameterEditor({ node }: { readonly node: FileNode }) {
  const t = useT();
  return (
    <section className="insp-section" aria-label={t('inspector.section.parameter')}>
      <h3>{t('inspector.section.parameter')}</h3>
      <TensorEditor node={node} target={parameterTarget} title={t('inspector.values')} />
      <InitEditor node={node} />
    </section>
  );
}
