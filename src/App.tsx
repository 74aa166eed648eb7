import type { MouseEvent } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { useT } from './i18n/useT';
import { Inspector } from './panels/Inspector';
import { Palette } from './panels/Palette';
import { FileDropOverlay } from './shell/FileDropOverlay';
import { NoticeBar } from './shell/NoticeBar';
import { StatusLine } from './shell/StatusLine';
import { Toolbar } from './shell/Toolbar';

/** The id the skip link jumps to. */
const CANVAS_REGION = 'canvas-region';

// Moves focus without writing #canvas-region into the address, where the hash is reserved for share links.
function skipToCanvas(e: MouseEvent<HTMLAnchorElement>): void {
  e.preventDefault();
  document.getElementById(CANVAS_REGION)?.focus();
}

/** The editor: header toolbar, palette | canvas | inspector, the notice bar and the status line. */
export function App() {
  const t = useT();
  return (
    <ReactFlowProvider>
      <div className="app">
        <a className="skip-link" href={`#${CANVAS_REGION}`} onClick={skipToCanvas}>
          {t('shell.skipToCanvas')}
        </a>
        <Toolbar />
        <div className="workspace">
          <NoticeBar />
          <aside className="pane pane-palette" aria-label={t('shell.region.palette')}>
            <Palette />
          </aside>
          <main className="pane pane-canvas" id={CANVAS_REGION} tabIndex={-1} aria-label={t('shell.region.canvas')}>
            <Canvas />
          </main>
          <aside className="pane pane-inspector" aria-label={t('shell.region.inspector')}>
            <Inspector />
          </aside>
        </div>
        <StatusLine />
        <FileDropOverlay />
      </div>
    </ReactFlowProvider>
  );
}
