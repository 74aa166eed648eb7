import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { useReactFlow } from '@xyflow/react';
import { type GraphFile, importPython, type ImportError, type ImportResult, PAGE_MAX_NODES, serializeGraphFile } from '../../engine';
import { useT } from '../i18n/useT';
import { scriptDatasets } from './scriptDatasets';
import type { PytorchExport } from '../session/pytorchView';
import { useSession, useSessionApi } from '../session/useSession';
import { createEditor, replaceText, setCurrent, setEditable, showDiagnostic } from './codeEditor';
import { graphCode } from './graphCode';
import { importErrorText } from './importText';
import './code.css';

/** How the canvas frames the graph the code built: all of it, never larger than life. */
const FIT = { padding: 0.08, minZoom: 0.5, maxZoom: 1, duration: 200 } as const;

/** What the panel last told the learner. */
type Report =
  | { readonly type: 'error'; readonly error: ImportError }
  | { readonly type: 'ran'; readonly count: number; readonly nodes: number }
  | { readonly type: 'stepped'; readonly line: number; readonly added: readonly string[]; readonly backward?: string }
  | { readonly type: 'stepEnd' }
  | { readonly type: 'empty' };

/**
 * The code panel: the graph's PyTorch code in a Python editor. Run builds the graph from the
 * whole code as one undoable edit; Run one statement builds it a statement at a time, lighting
 * the statement and selecting the nodes it added. An error is marked at its line and leaves
 * the graph as it was.
 */
export function CodePanel() {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The documents this panel made: showing them again must not replace the learner's code.
  const own = useRef<GraphFile | null>(null);
  // Whether the text is the learner's (typed since it was last the graph's code): changes elsewhere then leave it, until Show the graph's code.
  const dirty = useRef(false);
  // The statements that ran one at a time, for the text they ran from.
  const stepping = useRef<{ text: string; next: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const flow = useReactFlow();
  const code = useMemo(() => graphCode(doc, () => trainingScript(session.pytorchExport().result)), [doc, session]);

  const run = useCallback(() => {
    const v = view.current;
    if (!v || !code.editable) return;
    stepping.current = null;
    const r = importPython(v.state.doc.toString(), { maxNodes: PAGE_MAX_NODES, datasets: scriptDatasets(session.state.history.present) });
    if (r.error) return fail(v, r.error, setReport);
    if (r.statements.length === 0) return setReport({ type: 'empty' });
    apply(r.file, t('code.editLabel'));
    if (r.statements.some((s) => s.backward)) session.backward();
    showDiagnostic(v, null);
    v.dispatch({ effects: setCurrent.of(null) });
    setReport({ type: 'ran', count: r.statements.length, nodes: r.file.nodes.length });
  }, [code.editable, session, t]);

  const step = useCallback(() => {
    const v = view.current;
    if (!v || !code.editable) return;
    const text = v.state.doc.toString();
    const k = stepping.current?.text === text ? stepping.current.next : 0;
    const r: ImportResult = importPython(text, { maxNodes: PAGE_MAX_NODES, datasets: scriptDatasets(session.state.history.present) });
    const s = r.statements[k];
    if (!s) {
      stepping.current = null;
      if (r.error) return fail(v, r.error, setReport);
      return setReport(r.statements.length === 0 ? { type: 'empty' } : { type: 'stepEnd' });
    }
    apply(s.file, t('code.stepLabel', { line: s.line }));
    if (s.backward) session.backward();
    session.select(s.added);
    stepping.current = { text, next: k + 1 };
    showDiagnostic(v, null);
    v.dispatch({ effects: setCurrent.of({ from: s.from, to: s.to }) });
    setReport({ type: 'stepped', line: s.line, added: s.added, backward: s.backward });
  }, [code.editable, session, t]);

  /** Puts a document the code built on the canvas as one undoable edit (none when it is the same), remembered as the panel's own. */
  function apply(file: GraphFile, label: string) {
    own.current = file;
    if (serializeGraphFile(file) === serializeGraphFile(session.state.history.present)) return;
    session.edit(label, () => file);
    own.current = session.state.history.present;
    // The canvas shows the whole graph the code built, once React Flow has measured the new nodes.
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView(FIT).then(() => session.setViewport(flow.getViewport()))));
  }

  // The editor lives as long as the panel; its callbacks read the latest run and step.
  const hooks = useRef({ run, step });
  hooks.current = { run, step };
  useEffect(() => {
    if (!box.current) return;
    const v = createEditor(box.current, code.text, t('code.editor'), {
      run: () => hooks.current.run(),
      changed: () => {
        dirty.current = true;
      },
    });
    setEditable(v, code.editable);
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // A change made elsewhere (the canvas, Undo, an open) shows the graph's code, unless the text is the learner's own.
  useEffect(() => {
    const v = view.current;
    if (!v || doc === own.current) return;
    setEditable(v, code.editable);
    if (!code.editable || !dirty.current) {
      replaceText(v, code.text);
      dirty.current = false;
      stepping.current = null;
    }
  }, [doc, code]);

  // The diagnostic is worded in the page's language, again when it changes.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    if (report?.type !== 'error') return showDiagnostic(v, null);
    const e = report.error;
    showDiagnostic(v, { from: e.from, to: e.to, severity: 'error', message: importErrorText(t, e) });
  }, [report, t]);

  const showGraph = () => {
    const v = view.current;
    if (!v) return;
    replaceText(v, code.text);
    dirty.current = false;
    stepping.current = null;
    setReport(null);
  };

  return (
    <section className="code-panel" aria-label={t('code.editor')}>
      <div className="code-panel__bar">
        <button type="button" data-testid="code.run" title={t('code.runHint')} onClick={run} disabled={!code.editable}>
          {t('code.run')}
        </button>
        <button type="button" data-testid="code.step" title={t('code.stepHint')} onClick={step} disabled={!code.editable}>
          {t('code.step')}
        </button>
        <button type="button" data-testid="code.showGraph" title={t('code.showGraphHint')} onClick={showGraph}>
          {t('code.showGraph')}
        </button>
        <ReportLine report={report} />
      </div>
      {!code.editable && (
        <p className="code-panel__note" data-testid="code.readOnly">
          {t('code.readOnly')}
        </p>
      )}
      <div className="code-panel__editor" ref={box} />
    </section>
  );
}

/** The exported training script, or the reason there is none as a Python comment. */
function trainingScript(r: PytorchExport): string {
  return r.ok ? r.code : `# ${r.message.replace(/\n/g, ' ')}\n`;
}

function fail(v: EditorView, error: ImportError, setReport: (r: Report) => void): void {
  v.dispatch({ effects: setCurrent.of(null) });
  setReport({ type: 'error', error });
}

/** The panel's last message: what ran, or the error at its line and column. */
function ReportLine({ report }: { report: Report | null }) {
  const t = useT();
  if (!report) return null;
  if (report.type === 'error') {
    const e = report.error;
    return (
      <p className="code-panel__report code-panel__report--error" role="alert" data-testid="code.error">
        {t('code.errorAt', { line: e.line, col: e.col, message: importErrorText(t, e) })}
      </p>
    );
  }
  const text =
    report.type === 'ran'
      ? t('code.ran', { count: report.count, nodes: report.nodes })
      : report.type === 'stepEnd'
        ? t('code.stepEnd')
        : report.type === 'empty'
          ? t('code.empty')
          : t('code.stepped', {
              line: report.line,
              added: [
                report.added.length > 0 ? t('code.steppedAdded', { nodes: report.added.join(', ') }) : t('code.steppedNone'),
                ...(report.backward ? [t('code.steppedBackward', { node: report.backward })] : []),
              ].join('; '),
            });
  return (
    <p className="code-panel__report" role="status" data-testid="code.report">
      {text}
    </p>
  );
}
