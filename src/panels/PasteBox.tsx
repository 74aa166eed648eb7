import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import { errorText } from './errorText';
import { useEditNode } from './editNode';
import { replaceFromText } from './pasteInto';
import type { TensorTarget } from './tensorTargets';
import { tensorField } from './testIds';
import type { PlainTensor, TextError } from './tensorText';

/**
 * A place to paste numbers from a spreadsheet or text: a paste applies at once; typed text
 * applies with the Fill button or Ctrl+Enter, so half-typed numbers never reach the graph.
 */
export function PasteBox({ nodeId, target, current }: { readonly nodeId: string; readonly target: TensorTarget; readonly current: PlainTensor }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const editNode = useEditNode();
  const [outcome, setOutcome] = useState<{ error: TextError } | { done: PlainTensor } | null>(null);
  const apply = (source: string) => {
    const r = replaceFromText(editNode, nodeId, target, current, source);
    setOutcome(r.ok ? { done: r.value } : { error: r.error });
  };
  const field = tensorField(target, 'paste');
  return (
    <div className="insp-field insp-paste">
      <label htmlFor={id}>{t('inspector.paste')}</label>
      <textarea
        id={id}
        rows={2}
        data-testid={`inspector.${field}`}
        value={text}
        spellCheck={false}
        aria-describedby={`${id}-hint ${id}-status`}
        onChange={(e) => {
          setText(e.target.value);
          setOutcome(null);
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData.getData('text/plain');
          e.preventDefault();
          setText(pasted);
          apply(pasted);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply(text);
          }
        }}
      />
      <button type="button" data-testid={`inspector.${field}.apply`} onClick={() => apply(text)}>
        {t('inspector.pasteApply')}
      </button>
      <span id={`${id}-hint`} className="insp-hint">
        {t('inspector.pasteHelp')}
      </span>
      <span id={`${id}-status`} role="status">
        {outcome && 'error' in outcome && (
          <span className="insp-error" data-testid={`inspector.error.${field}`}>
            {errorText(t, outcome.error)}
          </span>
        )}
        {outcome && 'done' in outcome && (
          <span className="insp-ok">{t('inspector.pasted', { count: outcome.done.data.length, shape: `[${outcome.done.shape.join(', ')}]` })}</span>
        )}
      </span>
    </div>
  );
}
