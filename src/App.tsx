import { lazy, type MouseEvent, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { useT } from './i18n/useT';
import { Inspector } from './panels/Inspector';
import { Palette } from './panels/Palette';
import { FileDropOverlay } from './shell/FileDropOverlay';
import { NoticeBar } from './shell/NoticeBar';
import { StatusLine } from './shell/StatusLine';
import { Toolbar } from './shell/Toolbar';
import { Tabs } from './shell/Tabs';
import { TrainingPanel } from './training/TrainingPanel';
import { DatasetsPanel } from './datasets/DatasetsPanel';
import { PlotsPanel } from './plots/PlotsPanel';
import { GradCheckPanel } from './plots/GradCheckPanel';
import { StepBar } from './stepper/StepBar';
import { StepPanel } from './stepper/StepPanel';
import { LessonsPanel } from './lessons/LessonsPanel';
import { Highlight } from './lessons/Highlight';
import { Welcome } from './lessons/Welcome';

/** The code panel and its editor load when its tab is first opened, keeping them out of the first load. */
const CodePanel = lazy(() => import('./code/CodePanel').then((m) => ({ default: m.CodePanel })));

/** The id the skip link jumps to. */
const CANVAS_REGION = 'canvas-region';

// Moves focus without writing #canvas-region into the address, where the hash is reserved for share links.
function skipToCanvas(e: MouseEvent<HTMLAnchorElement>): void {
  e.preventDefault();
  document.getElementById(CANVAS_REGION)?.focus();
}

/** The editor: header toolbar, palette | canvas | inspector (| lessons), the notice bar and the status line. */
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
            <StepBar />
            <div className="pane-canvas__flow">
              <Canvas />
            </div>
            <section className="dock" aria-label={t('shell.region.dock')}>
              <Tabs
                name="dock"
                label={t('shell.region.dock')}
                tabs={[
                  { id: 'step', label: t('shell.tab.step'), content: <StepPanel /> },
                  { id: 'plots', label: t('shell.tab.plots'), content: <PlotsPanel /> },
                  {
                    id: 'code',
                    label: t('code.tab'),
                    content: (
                      <Suspense fallback={null}>
                        <CodePanel />
                      </Suspense>
                    ),
                  },
                ]}
              />
            </section>
          </main>
          <aside className="pane pane-inspector" aria-label={t('shell.region.inspector')}>
            <Tabs
              name="side"
              label={t('shell.region.inspector')}
              tabs={[
                { id: 'inspector', label: t('shell.tab.inspector'), content: <Inspector /> },
                { id: 'data', label: t('shell.tab.data'), content: <DatasetsPanel /> },
                { id: 'train', label: t('shell.tab.train'), content: <TrainingPanel /> },
                { id: 'gradcheck', label: t('shell.tab.gradcheck'), content: <GradCheckPanel /> },
              ]}
            />
          </aside>
          <LessonsPanel />
        </div>
        <StatusLine />
        <FileDropOverlay />
        <Welcome />
        <Highlight />
      </div>
    </ReactFlowProvider>
  );
}
