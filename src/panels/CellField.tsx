import { formatExact } from '../format';
import { useT } from '../i18n/useT';
import { parseNumber } from '../parseNumber';
import { errorText } from './errorText';
import { pasteInto } from './pasteInto';
import type { TensorTarget } from './tensorTargets';
import { tensorField } from './testIds';
import { useDraft } from './useDraft';
import { useEditNode } from './editNode';

/** One editable number of a tensor table; pasting several numbers into it fills the table from here, as a spreadsheet does. */
export function CellField({ nodeId, target, index, value, name }: {
  readonly nodeId: string;
  readonly target: TensorTarget;
  /** Flat, row-major position. */
  readonly index: number;
  readonly value: number;
  /** The accessible name, like `x element [3]`. */
  readonly name: string;
}) {
  const t = useT();
  const field = tensorField(target, `cell.${index}`);
  const editNode = useEditNode();
  const draft = useDraft(value, formatExact, (text) => parseNumber(text, { nonFinite: target.nonFinite }), (v) =>
    editNode(
      nodeId,
      'edit value',
      (n) => {
        const cur = target.read(n);
        if (!cur || index >= cur.data.length) return;
        cur.data[index] = v;
        target.write(n, cur);
      },
      `cell:${nodeId}:${target.name}:${index}`,
    ),
  );
  return (
    <>
      <input
        type="text"
        className="insp-cell"
        inputMode="decimal"
        data-testid={`inspector.${field}`}
        data-cell={index}
        aria-label={name}
        aria-invalid={draft.error !== null}
        title={draft.error ? errorText(t, draft.error) : draft.text}
        spellCheck={false}
        autoComplete="off"
        value={draft.text}
        onChange={(e) => draft.change(e.target.value)}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text/plain');
          if (pasteInto(editNode, nodeId, target, text, index)) e.preventDefault();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && draft.error) {
            e.preventDefault();
            draft.reset();
          } else if (e.key === 'Enter') {
            // Enter moves down the table like a spreadsheet; Shift+Enter moves up.
            e.preventDefault();
            const next = e.currentTarget.closest('table')?.querySelector<HTMLInputElement>(`[data-cell="${index + (e.shiftKey ? -1 : 1)}"]`);
            next?.focus();
            next?.select();
          }
        }}
      />
      {draft.error && (
        <span className="insp-error" role="alert" data-testid={`inspector.error.${field}`}>
          {errorText(t, draft.error)}
        </span>
      )}
    </>
  );
}
