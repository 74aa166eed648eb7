import type { FileNode } from '../../engine/format/schema';
import { useT } from '../i18n/useT';
import { CellField } from './CellField';
import { useEditNode } from './editNode';
import { PasteBox } from './PasteBox';
import { indexText, rowLabel, tableShape } from './tensorLayout';
import type { TensorTarget } from './tensorTargets';
import { tensorField } from './testIds';
import { formatShapeText, parseShape } from './tensorText';
import { TextField } from './TextField';

/** The most cells the table shows as inputs; beyond that the paste box replaces the values. */
export const MAX_CELLS = 256;

/** A tensor's shape field (when the shape is the user's to choose), its values as a table of inputs, and a paste box. */
export function TensorEditor({ node, target, title }: { readonly node: FileNode; readonly target: TensorTarget; readonly title: string }) {
  const t = useT();
  const tensor = target.read(node);
  const editNode = useEditNode();
  if (!tensor) return null;
  const { shape, data } = tensor;
  const setShape = target.setShape;
  const { rows, cols } = tableShape(shape);
  const shownRows = Math.min(rows, Math.max(1, Math.floor(MAX_CELLS / Math.max(cols, 1))));
  const name = target.name || node.label || node.id;
  return (
    <div className="insp-tensor">
      {setShape && (
        <TextField
          field={tensorField(target, 'shape')}
          label={t('inspector.shape')}
          value={shape}
          format={formatShapeText}
          parse={(text) => parseShape(text)}
          commit={(s) => editNode(node.id, 'set shape', (n) => setShape(n, s), `shape:${node.id}:${target.name}`)}
          hint={t('inspector.shapeHelp')}
          inputMode="text"
        />
      )}
      <table className="insp-grid" data-testid={`inspector.${tensorField(target, 'cells')}`}>
        <caption>
          {title} {shape.length > 0 ? `[${shape.join(', ')}]` : ''}
        </caption>
        {shape.length >= 2 && (
          <thead>
            <tr>
              <td />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {Array.from({ length: shownRows }, (_, r) => (
            <tr key={r}>
              {shape.length > 0 && <th scope="row">{rowLabel(shape, r)}</th>}
              {Array.from({ length: cols }, (_, c) => {
                const i = r * cols + c;
                return (
                  <td key={c}>
                    <CellField nodeId={node.id} target={target} index={i} value={data[i]} name={t('inspector.cell', { name, index: indexText(shape, i) })} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {shownRows < rows && <p className="insp-hint">{t('inspector.moreCells', { shown: shownRows * cols, total: data.length })}</p>}
      <PasteBox nodeId={node.id} target={target} current={tensor} />
    </div>
  );
}
