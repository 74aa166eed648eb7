import { type RefObject, useLayoutEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { indexText } from '../panels/tensorLayout';
import { useSession, useSessionApi } from '../session/useSession';
import { elementName } from '../stepper/element';
import { useFollowedIndex } from '../stepper/useFollowed';
import { readTensor } from './TensorView';

/** How many elements the node's table lists; the rest are counted ("… N more"). */
export const TABLE_ROWS = 200;

/**
 * A node's output as a scrollable table inside the node: every element's index and value, and
 * its gradient once Backward has filled it, up to TABLE_ROWS. Clicking a row follows that
 * element (the session keeps it); the row of the followed element, or the one that goes with
 * it, is highlighted.
 */
export function NodeTable({ id, name }: { readonly id: string; readonly name: string }) {
  const t = useT();
  const session = useSessionApi();
  useSession((s) => s.run.version);
  const program = useSession((s) => s.compiled.program);
  const backwardRan = useSession((s) => s.run.backwardFrom !== null);
  const followed = useFollowedIndex(id);
  const box = useRef<HTMLDivElement>(null);
  useScrolledIntoView(box);
  const value = readTensor(program, id, 'value');
  if (!value) return null;
  const grad = backwardRan ? readTensor(program, id, 'grad') : null;
  const shown = Math.min(value.data.length, TABLE_ROWS);
  return (
    <div ref={box} className="nodetable nodrag nowheel nopan" data-testid={`node.${id}.table`}>
      <table>
        <caption className="nodetable__caption">{t('canvas.node.table.caption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('canvas.node.table.index')}</th>
            <th scope="col">{t('canvas.node.value')}</th>
            {grad && <th scope="col">{t('canvas.node.grad')}</th>}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: shown }, (_, i) => {
            const element = elementName(name, value.shape, i);
            return (
              <tr key={i} className={i === followed ? 'nodetable__row--followed' : undefined} aria-current={i === followed ? 'true' : undefined} data-testid={`node.${id}.table.${i}`} onClick={() => session.follow({ node: id, index: i })}>
                <th scope="row">
                  <button type="button" className="nodetable__index" title={t('canvas.node.table.follow', { element })} aria-label={t('canvas.node.table.follow', { element })}>
                    {indexText(value.shape, i)}
                  </button>
                </th>
                <td data-testid={`node.${id}.table.${i}.value`}>{formatNumber(value.data[i])}</td>
                {grad && <td className="nodetable__grad">{formatNumber(grad.data[i])}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown < value.data.length && <div className="nodetable__more">{t('canvas.node.table.more', { count: value.data.length - shown })}</div>}
    </div>
  );
}

/** When the table opens with its node reaching below the canvas's visible edge, pans the canvas up (same zoom) until the node shows whole. */
function useScrolledIntoView(box: RefObject<HTMLDivElement | null>) {
  const flow = useReactFlow();
  const session = useSessionApi();
  useLayoutEffect(() => {
    const node = box.current?.closest('.react-flow__node');
    const pane = node?.closest('.react-flow');
    if (!node || !pane) return;
    const n = node.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    // Never so far that the node's top leaves the canvas.
    const below = Math.min(n.bottom - p.bottom + 8, n.top - p.top - 8);
    if (below <= 0) return;
    const { x, y, zoom } = flow.getViewport();
    const moved = { x, y: y - below, zoom };
    void flow.setViewport(moved);
    session.setViewport(moved);
  }, [box, flow, session]);
}
