import type { FileNode } from '../../engine';
import { useT } from '../i18n/useT';
import { CellField } from './CellField';
import { useEditNode } from './editNode';
import { errorText } from './errorText';
import { PasteBox } from './PasteBox';
import { indexText, rowLabel, tableShape } from './tensorLayout';
import { shapeSizeError } from './tensorSize';
import type { TensorTarget } from './tensorTargets';
import { tensorField } from './testIds';
import { formatShapeText, type PlainTensor, parseShape } from './tensorText';
import { TextField } from './TextField';

/** The most cells the table shows as inputs; beyond that the paste box replaces the values. */
export const MAX_CELLS = 256;

/**
 * A tensor's shape field (when the shape is the user's to choose), its values as a table of
 * inputs, and a paste box. A shape over a size limit shows why instead of any values, so the
 * user can fix the shape (or the attributes it comes from) without the page building them.
 */
export function TensorEditor({ node, target, title }: { readonly node: FileNode; readonly target: TensorTarget; readonly title: string }) {
  const t = useT();
  const editNode = useEditNode();
  const shape = target.shapeOf(node);
  if (!shape) return null;
  const sizeError = shapeSizeError(shape);
  const tensor = sizeError ? null : target.read(node);
  const setShape = target.setShape;
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
      {sizeError && (
        <p className="insp-error" role="alert" data-testid={`inspector.error.${tensorField(target, 'size')}`}>
          {title}: {errorText(t, sizeError)}
        </p>
      )}
      {tensor && <TensorCells node={node} target={target} title={title} tensor={tensor} />}
    </div>
  );
}

/** The values as a table of inputs, at most MAX_CELLS of them (a long last axis is cut too), and the paste box for all of them. */
function TensorCells({ node, target, title, tensor }: { readonly node: FileNode; readonly target: TensorTarget; readonly title: string; readonly tensor: PlainTensor }) {
  const t = useT();
  const { shape, data } = tensor;
  const { rows, cols } = tableShape(shape);
  const shownCols = Math.min(cols, MAX_CELLS);
  const shownRows = Math.min(rows, Math.max(1, Math.floor(MAX_CELLS / Math.max(shownCols, 1))));
  const name = target.name || node.label || node.id;
  return (
    <>
      <table className="insp-grid" data-testid={`inspector.${tensorField(target, 'cells')}`}>
        <caption>
          {title} {shape.length > 0 ? `[${shape.join(', ')}]` : ''}
        </caption>
        {shape.length >= 2 && (
          <thead>
            <tr>
              <td />
              {Array.from({ length: shownCols }, (_, c) => (
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
              {Array.from({ length: shownCols }, (_, c) => {
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
      {shownRows * shownCols < data.length && <p className="insp-hint">{t('inspector.moreCells', { shown: shownRows * shownCols, total: data.length })}</p>}
      <PasteBox nodeId={node.id} target={target} current={tensor} />
    </>
  );
}
