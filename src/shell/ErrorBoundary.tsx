import { Component, type ReactNode } from 'react';
import { serializeGraphFile } from '../../engine';
import { useLanguage } from '../i18n/language';
import { technicalText } from '../store/persistence';
import { CrashScreen } from './CrashScreen';
import { downloadText, fileStem, FILE_SUFFIX, openNew } from './fileActions';
import type { Workspace } from './workspace';

interface State {
  readonly crashed: boolean;
  readonly technical: string;
}

/** Downloads the open document; if even writing it as a graph file fails, its plain JSON. */
function exportOpenDocument(ws: Workspace): void {
  const doc = ws.session.state.history.present;
  try {
    downloadText(`${fileStem(doc.name)}${FILE_SUFFIX}`, serializeGraphFile(doc));
  } catch {
    downloadText(`${fileStem(doc.name)}.raw.txt`, JSON.stringify(doc, null, 2), 'text/plain');
  }
}

/** Catches a failure while drawing the editor and shows the crash screen instead of a blank page. */
export class ErrorBoundary extends Component<{ readonly workspace: Workspace; readonly children: ReactNode }, State> {
  override state: State = { crashed: false, technical: '' };

  static getDerivedStateFromError(error: unknown): State {
    return { crashed: true, technical: technicalText(error) };
  }

  private readonly startNew = () => {
    openNew(this.props.workspace, useLanguage.getState().lang);
    this.setState({ crashed: false, technical: '' });
  };

  override render() {
    if (!this.state.crashed) return this.props.children;
    return <CrashScreen technical={this.state.technical} onExport={() => exportOpenDocument(this.props.workspace)} onNew={this.startNew} />;
  }
}
