import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useReactFlow } from '@xyflow/react';
import { type GraphFile, importPython, type ImportError, type ImportedStatement, type ImportResult, PAGE_MAX_NODES, serializeGraphFile } from '../../engine';
import { useT } from '../i18n/useT';
import { scriptDatasets } from './scriptDatasets';
import { type PytorchExport, pytorchView } from '../session/pytorchView';
import { useSession, useSessionApi } from '../session/useSession';
import { createEditor, replaceText, setCurrent, setEditable, setLinked, setPointed, showDiagnostic } from './codeEditor';
import { type CodeLink, linkOfNode, linksFromLines, setLinks } from './codeLinks';
import { graphCode, type GraphCode, type Script } from './graphCode';
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
 * the statement and selecting the nodes it added. The nodes the code adds are drawn entering.
 * An error is marked at its line and leaves the graph as it was. The pointer on a statement
 * lights the nodes it made on the canvas, and the pointer on a node lights its statement.
 */
export function CodePanel() {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const hovered = useSession((s) => s.codeLink.hovered);
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
  const code = useMemo(() => graphCode(doc, () => trainingScript(session.pytorchExport(pytorchView).result)), [doc, session]);

  const run = useCallback(() => {
    const v = view.current;
    if (!v || !code.editable) return;
    stepping.current = null;
    const r = importPython(v.state.doc.toString(), { maxNodes: PAGE_MAX_NODES, datasets: scriptDatasets(session.state.history.present) });
    if (r.error) return fail(v, r.error, setReport);
    if (r.statements.length === 0) return setReport({ type: 'empty' });
    apply(r.file, t('code.editLabel'), r.statements.flatMap((s) => s.added));
    if (r.statements.some((s) => s.backward)) session.backward();
    showDiagnostic(v, null);
    v.dispatch({ effects: [setCurrent.of(null), setLinks.of(statementLinks(r.statements))] });
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
    apply(s.file, t('code.stepLabel', { line: s.line }), s.added);
    if (s.backward) session.backward();
    session.select(s.added);
    stepping.current = { text, next: k + 1 };
    showDiagnostic(v, null);
    v.dispatch({ effects: [setCurrent.of({ from: s.from, to: s.to }), setLinks.of(statementLinks(r.statements.slice(0, k + 1)))] });
    setReport({ type: 'stepped', line: s.line, added: s.added, backward: s.backward });
  }, [code.editable, session, t]);

  /**
   * Puts a document the code built on the canvas as one undoable edit (none when it is the
   * same) under the document's name, remembered as the panel's own; of the nodes the code `added`, those the canvas did
   * not show before are drawn entering.
   */
  function apply(built: GraphFile, label: string, added: readonly string[]) {
    const before = session.state.history.present;
    // The code builds the graph; the document keeps its own name and description.
    const file: GraphFile = { ...built, name: before.name, description: before.description };
    own.current = file;
    if (serializeGraphFile(file) === serializeGraphFile(before)) return;
    session.edit(label, () => file);
    own.current = session.state.history.present;
    const shown = new Set(before.nodes.map((n) => n.id));
    session.showEntering(added.filter((id) => !shown.has(id)));
    // The canvas shows the whole graph the code built, once React Flow has measured the new nodes.
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView(FIT).then(() => session.setViewport(flow.getViewport()))));
  }

  /** The pointer moved onto a statement (or off every one): its nodes still in the graph light up, and so do its lines. */
  const hover = useCallback(
    (link: CodeLink | null) => {
      const v = view.current;
      const present = new Set(session.state.history.present.nodes.map((n) => n.id));
      const ids = link ? link.ids.filter((id) => present.has(id)) : [];
      session.lightNodes(ids);
      v?.dispatch({ effects: setPointed.of(link && ids.length > 0 ? link : null) });
    },
    [session],
  );

  // The editor lives as long as the panel; its callbacks read the latest run, step and hover.
  const hooks = useRef({ run, step, hover });
  hooks.current = { run, step, hover };
  useEffect(() => {
    if (!box.current) return;
    const v = createEditor(box.current, code.text, t('code.editor'), {
      run: () => hooks.current.run(),
      changed: () => {
        dirty.current = true;
      },
      hover: (link) => hooks.current.hover(link),
    });
    setEditable(v, code.editable);
    replaceText(v, code.text, graphLinks(code));
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
      // The pointer may leave with the panel: nothing stays lit on the canvas.
      session.lightNodes([]);
    };
  }, []);

  // The pointer on a node of the canvas lights the statement that made it, scrolled into view without taking the focus.
  const litByNode = useRef(false);
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const inGraph = hovered !== null && doc.nodes.some((n) => n.id === hovered);
    // A node deleted under the pointer is not told leaving: it is under the pointer no more, even if its id comes back.
    if (hovered !== null && !inGraph) session.hoverNode(null);
    const link = inGraph ? linkOfNode(v.state, hovered) : null;
    // Nothing to light, and nothing this lit before: the pointer may be on a statement in the editor.
    if (!link && !litByNode.current) return;
    litByNode.current = link !== null;
    v.dispatch({ effects: link ? [setLinked.of(link), EditorView.scrollIntoView(link.from, { y: 'nearest' })] : [setLinked.of(null)] });
  }, [hovered, doc, session]);

  // A change made elsewhere (the canvas, Undo, an open) shows the graph's code, unless the text is the learner's own.
  useEffect(() => {
    const v = view.current;
    if (!v || doc === own.current) return;
    setEditable(v, code.editable);
    if (!code.editable || !dirty.current) {
      replaceText(v, code.text, graphLinks(code));
      dirty.current = false;
      stepping.current = null;
    }
  }, [doc, code]);

  // Code handed over through the session (a lesson's starter) shows as the learner's own text, to run as it stands.
  const offer = useSession((s) => s.codeOffer);
  useEffect(() => {
    const v = view.current;
    if (!v || offer === null || !code.editable) return;
    // Not run yet: no statement has made a node on the canvas.
    replaceText(v, offer, () => []);
    dirty.current = true;
    stepping.current = null;
    setReport(null);
    session.takeCodeOffer();
  }, [offer, code.editable, session]);

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
    replaceText(v, code.text, graphLinks(code));
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

/** The exported training script with its node lines, or the reason there is none as a Python comment. */
function trainingScript(r: PytorchExport): Script {
  return r.ok ? r : { code: `# ${r.message.replace(/\n/g, ' ')}\n`, nodeLines: new Map() };
}

/** The links of the graph's own code, from the line that writes each node. */
function graphLinks(code: GraphCode): (text: Text) => readonly CodeLink[] {
  return (text) => linksFromLines(text, code.nodeLines);
}

/** The links of the statements that ran: each statement that added nodes, to those nodes. */
function statementLinks(statements: readonly ImportedStatement[]): CodeLink[] {
  return statements.filter((s) => s.added.length > 0).map((s) => ({ from: s.from, to: s.to, ids: s.added }));
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
