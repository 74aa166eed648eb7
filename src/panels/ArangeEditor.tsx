import { useId, useState } from 'react';
import type { FileNode } from '../../engine';
import { formatExact } from '../format';
import { useT } from '../i18n/useT';
import { parseNumber } from '../parseNumber';
import { useEditNode } from './editNode';
import { errorText } from './errorText';
import { arangeCount, type TextError } from './tensorText';

type Field = 'start' | 'end' | 'step';
type Range = Readonly<Record<Field, number>>;
const FIELDS: readonly Field[] = ['start', 'end', 'step'];

const texts = (r: Range): Record<Field, string> => ({ start: formatExact(r.start), end: formatExact(r.end), step: formatExact(r.step) });
const sameRange = (a: Range, b: Range) => a.start === b.start && a.end === b.end && a.step === b.step;

/** What the three texts mean together: the range, or the errors of the fields and of the range as a whole. */
function readRange(text: Record<Field, string>): { range: Range | null; fieldErrors: Partial<Record<Field, TextError>>; rangeError: TextError | null } {
  const fieldErrors: Partial<Record<Field, TextError>> = {};
  const v: Partial<Record<Field, number>> = {};
  for (const f of FIELDS) {
    const p = parseNumber(text[f]);
    if (p.ok) v[f] = p.value;
    else fieldErrors[f] = p.error;
  }
  if (v.start === undefined || v.end === undefined || v.step === undefined) return { range: null, fieldErrors, rangeError: null };
  const range = { start: v.start, end: v.end, step: v.step };
  const count = arangeCount(range.start, range.end, range.step);
  return count.ok ? { range, fieldErrors, rangeError: null } : { range: null, fieldErrors, rangeError: count.error };
}

/**
 * start, end and step of `torch.arange`. The three are checked together, because only together
 * can they be empty (start above end with a positive step): the range is written when all three
 * are numbers making a non-empty range; otherwise the error shows and the graph keeps the last good one.
 */
export function ArangeEditor({ node, range }: { readonly node: FileNode; readonly range: Range }) {
  const t = useT();
  const id = useId();
  const editNode = useEditNode();
  const [state, setState] = useState(() => ({ text: texts(range), seen: range }));
  let text = state.text;
  if (!sameRange(state.seen, range)) {
    const mine = readRange(state.text).range;
    text = mine && sameRange(mine, range) ? state.text : texts(range);
    setState({ text, seen: range });
  }
  const { range: typed, fieldErrors, rangeError } = readRange(text);
  const shown = typed ?? range;
  const count = arangeCount(shown.start, shown.end, shown.step);

  const change = (f: Field, value: string) => {
    const next = { ...text, [f]: value };
    setState({ text: next, seen: range });
    const r = readRange(next).range;
    // One undo step per field typed in, like every other field.
    if (r && !sameRange(r, range)) editNode(node.id, `set ${f}`, (n) => void (n.value = { type: 'arange', ...r }), `arange:${node.id}:${f}`);
  };

  return (
    <div className="insp-arange">
      {FIELDS.map((f) => (
        <div className="insp-field" key={f}>
          <label htmlFor={`${id}-${f}`}>{t(`inspector.arange.${f}`)}</label>
          <input
            id={`${id}-${f}`}
            type="text"
            inputMode="decimal"
            data-testid={`inspector.arange.${f}`}
            value={text[f]}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={fieldErrors[f] !== undefined || rangeError !== null}
            aria-describedby={`${id}-summary`}
            onChange={(e) => change(f, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setState({ text: texts(range), seen: range });
            }}
          />
          {fieldErrors[f] && (
            <span className="insp-error" role="alert" data-testid={`inspector.error.arange.${f}`}>
              {errorText(t, fieldErrors[f])}
            </span>
          )}
        </div>
      ))}
      <p id={`${id}-summary`} className="insp-hint" data-testid="inspector.arange.count">
        {count.ok ? t('inspector.arange.count', { count: count.value }) : ''} torch.arange({formatExact(range.start)}, {formatExact(range.end)}, {formatExact(range.step)})
      </p>
      {rangeError && (
        <span className="insp-error" role="alert" data-testid="inspector.error.arange">
          {errorText(t, rangeError)} {t('inspector.err.kept', { value: `arange(${formatExact(range.start)}, ${formatExact(range.end)}, ${formatExact(range.step)})` })}
        </span>
      )}
    </div>
  );
}
