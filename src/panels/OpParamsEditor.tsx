import { type AnyOpDef, type FileNode, resolveAttrs } from '../../engine';
import { useT } from '../i18n/useT';
import { InitEditor } from './InitEditor';
import { TensorEditor } from './TensorEditor';
import { opParamTarget } from './tensorTargets';

/** The tensors an op owns (linear's weight [out, in] and bias [out]), editable, with their initialiser. */
export function OpParamsEditor({ node, def }: { readonly node: FileNode; readonly def: AnyOpDef }) {
  const t = useT();
  if (!def.params) return null;
  const { attrs, errors } = resolveAttrs(def.attrs, node.attrs);
  const specs = errors.length === 0 ? def.params(attrs) : [];
  return (
    <section className="insp-section" aria-label={t('inspector.section.weights')}>
      <h3>{t('inspector.section.weights')}</h3>
      <InitEditor node={node} />
      {specs.map((spec) => (
        <TensorEditor key={spec.name} node={node} target={opParamTarget(spec.name)} title={spec.name} />
      ))}
    </section>
  );
}
