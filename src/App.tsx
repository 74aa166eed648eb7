import type { MouseEvent } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { useT } from './i18n/useT';
import { Inspector, preloadNodeInspector } from './panels/Inspector';
import { Palette } from './panels/Palette';
import { FileDropOverlay } from './shell/FileDropOverlay';
import { lazyPanel } from './shell/lazyPanel';
import { NoticeBar } from './shell/NoticeBar';
import { StatusLine } from './shell/StatusLine';
import { Toolbar } from './shell/Toolbar';
import { Tabs } from './shell/Tabs';
import { StepBar } from './stepper/StepBar';
import { StepPanel } from './stepper/StepPanel';
import { Highlight } from './lessons/Highlight';
import { LessonsPane } from './lessons/LessonsPane';
import { Welcome } from './lessons/Welcome';

// Panels the first screen does not show load when first opened (or when a pointer reaches their tab),
// keeping their code — plots and d3, training, datasets and CSV parsing, the code editor — out of the first load.
// The Lessons panel downloads with the lessons (lessons/lessonsHost.ts).
const plots = lazyPanel(() => import('./plots/PlotsPanel').then((m) => m.PlotsPanel));
const code = lazyPanel(() => import('./code/CodePanel').then((m) => m.CodePanel));
const datasets = lazyPanel(() => import('./datasets/DatasetsPanel').then((m) => m.DatasetsPanel));
const training = lazyPanel(() => import('./training/TrainingPanel').then((m) => m.TrainingPanel));
const gradcheck = lazyPanel(() => import('./plots/GradCheckPanel').then((m) => m.GradCheckPanel));

/** The lazily loaded panels by tab list and tab id. */
const LAZY_TABS: Readonly<Record<string, Readonly<Record<string, { preload: () => Promise<void> }>>>> = {
  dock: { plots, code },
  side: { data: datasets, train: training, gradcheck },
};

/** Downloads the code of a tab's panel when it has its own (a lesson opening that tab); settles when the panel can draw at once. */
export function preloadTab(list: string, tab: string): Promise<void> {
  return LAZY_TABS[list]?.[tab]?.preload() ?? Promise.resolve();
}

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
          <main
            className="pane pane-canvas"
            id={CANVAS_REGION}
            tabIndex={-1}
            aria-label={t('shell.region.canvas')}
            // A pointer or the keyboard reaching the graph starts downloading the node editors, so selecting a node shows them at once.
            onPointerEnter={() => void preloadNodeInspector()}
            onFocus={() => void preloadNodeInspector()}
          >
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
                  { id: 'plots', label: t('shell.tab.plots'), content: <plots.Panel />, preload: () => void plots.preload() },
                  { id: 'code', label: t('code.tab'), content: <code.Panel />, preload: () => void code.preload() },
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
                { id: 'data', label: t('shell.tab.data'), content: <datasets.Panel />, preload: () => void datasets.preload() },
                { id: 'train', label: t('shell.tab.train'), content: <training.Panel />, preload: () => void training.preload() },
                { id: 'gradcheck', label: t('shell.tab.gradcheck'), content: <gradcheck.Panel />, preload: () => void gradcheck.preload() },
              ]}
            />
          </aside>
          <LessonsPane />
        </div>
        <StatusLine />
        <FileDropOverlay />
        <Welcome />
        <Highlight />
      </div>
    </ReactFlowProvider>
  );
}
