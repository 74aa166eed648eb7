import { formatNumber, numbersJson } from '../format';
import { useT } from '../i18n/useT';
import { rowLabel, tableShape } from './tensorLayout';

/** The most rows a read-only table draws; `data-value` still holds every number. */
const MAX_ROWS = 200;

/** The most columns it draws: a [1, 4000000] output must not become four million cells. */
export const MAX_COLS = 100;

/** Following elements from a table: which flat index is followed (highlighted), and what a click on a cell does. */
export interface TableFollow {
  readonly followed: number | null;
  onFollow(index: number): void;
}

/**
 * A read-only tensor as a table with its shape; `data-value` carries every number exactly (JSON)
 * for tests and copying. With `follow`, clicking a cell follows that element and the followed
 * one is highlighted.
 */
export function TensorTable({ testid, caption, shape, data, follow }: {
  readonly testid: string;
  readonly caption: string;
  readonly shape: readonly number[];
  readonly data: readonly number[];
  readonly follow?: TableFollow;
}) {
  const t = useT();
  const { rows, cols } = tableShape(shape);
  const shown = Math.min(rows, MAX_ROWS);
  const shownCols = Math.min(cols, MAX_COLS);
  return (
    <table className="insp-grid insp-readonly" data-testid={testid} data-shape={JSON.stringify(shape)} data-value={numbersJson(data)}>
      <caption>{caption}</caption>
      {shape.length >= 2 && (
        <thead>
          <tr>
            <td />
            {Array.from({ length: shownCols }, (_, c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {shownCols < cols && <td>{t('inspector.moreCols', { count: cols - shownCols })}</td>}
          </tr>
        </thead>
      )}
      {shape.length === 1 && (
        <thead>
          <tr>
            <th scope="col">{t('inspector.index')}</th>
            <td />
          </tr>
        </thead>
      )}
      <tbody>
        {Array.from({ length: shown }, (_, r) => (
          <tr key={r}>
            {shape.length > 0 && <th scope="row">{rowLabel(shape, r)}</th>}
            {Array.from({ length: shownCols }, (_, c) => {
              const flat = r * cols + c;
              const v = data[flat];
              return (
                <td
                  key={c}
                  title={String(v)}
                  data-testid={follow ? `${testid}.cell.${flat}` : undefined}
                  className={follow ? (follow.followed === flat ? 'insp-cell--follow insp-cell--followed' : 'insp-cell--follow') : undefined}
                  onClick={follow ? () => follow.onFollow(flat) : undefined}
                >
                  {formatNumber(v)}
                </td>
              );
            })}
          </tr>
        ))}
        {shown < rows && (
          <tr>
            <td colSpan={shownCols + 1}>{t('inspector.moreRows', { count: rows - shown })}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
