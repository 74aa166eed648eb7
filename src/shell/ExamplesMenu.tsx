import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { msg } from '../i18n/words';
import { technicalText } from '../store/persistence';
import { useWorkspace } from '../session/useSession';
import { CodeText } from './CodeText';
import { type ExampleEntry, fetchExample, fetchExampleIndex } from './examples';
import { exampleKey } from './exampleText';
import './examples.css';
import { openResult } from './openDocument';
import { usePopover } from './usePopover';

/**
 * The shipped examples (public/examples/index.json), each with its title and description in
 * the page's language, behind a disclosure button; picking one
 * opens it as a new document, first in Recent (the one that was open stays there, and Undo brings it back). A list of buttons rather than a <select>, because a select
 * fires `change` on every arrow key and would open each example a keyboard user passes.
 */
export function ExamplesMenu() {
  const t = useT();
  const listId = useId();
  const ws = useWorkspace();
  const [examples, setExamples] = useState<ExampleEntry[]>([]);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopover(open, close, root, button);

  useEffect(() => {
    let live = true;
    fetchExampleIndex()
      .then((list) => live && setExamples(list))
      .catch((e: unknown) => live && ws.session.notify({ kind: 'error', text: msg('shell.notice.examplesListFailed'), technical: technicalText(e) }));
    return () => {
      live = false;
    };
  }, []);

  // Focus the first example when the list opens, so Tab and Enter work straight away.
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLButtonElement>('[data-example]')?.focus();
  }, [open]);

  const pick = async (entry: ExampleEntry) => {
    setOpen(false);
    button.current?.focus();
    const r = await fetchExample(entry.file);
    const name = msg(exampleKey(entry.file, 'title'));
    const how = { label: t('shell.open.example', { name: t(name.key) }), refused: msg('shell.notice.badExample', { name }), name };
    openResult(ws, r, how);
  };

  return (
    <div className="examples-menu" ref={root}>
      <button ref={button} type="button" data-testid="file.examples" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {t('shell.file.examples')} ▾
      </button>
      {open && (
        <ul id={listId} className="popover examples-list" aria-label={t('shell.file.examplesPick')}>
          {examples.map((e) => (
            <li key={e.file}>
              <button type="button" data-example data-testid={`file.example.${e.file.replace(/\.json$/, '')}`} onClick={() => void pick(e)}>
                <span className="example-title">{t(exampleKey(e.file, 'title'))}</span>
                <span className="example-description">
                  <CodeText text={t(exampleKey(e.file, 'description'))} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
