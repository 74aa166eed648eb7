import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadTab } from './App';
import { fetchCourseData } from './datasets/courseData';
import { installCsvDrop } from './datasets/csvDrop';
import { useLanguage } from './i18n/language';
import { loadLanguage } from './i18n/languageStrings';
import { msg } from './i18n/words';
import { WorkspaceContext } from './session/useSession';
import { type AppWorkspace, createAppWorkspace } from './shell/appWorkspace';
import { startAutosave } from './shell/autosave';
import { bootWorkspace } from './shell/boot';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { DEFAULT_EXAMPLE, fetchExample } from './shell/examples';
import { openShareLink } from './shell/fileActions';
import { emptyDocument } from './store/edits';
import { isShareHash, technicalText } from './store/persistence';
import { installTestHook, readSnapshot } from './testHook';
import { isLessonHash } from './lessons/lessonLink';
import { LessonsHost } from './lessons/lessonsHost';
import { LessonsProvider } from './lessons/LessonsProvider';
import { readProgress } from './lessons/progress';
import { loadFailedNotice } from './shell/loadFailed';
import { requestTab } from './shell/tabRequest';
import { panelDownloads } from './shell/lazyPanel';
import { requestFit } from './canvas/fitRequest';
import { preloadNodeInspector } from './panels/Inspector';
import type { BootSource } from './shell/boot';
import './styles.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be blocked (privacy settings); the editor still works, without autosave.
    return null;
  }
}

/** Takes a share link out of the address once it has been read, so a reload does not open it again. */
function clearHash(): void {
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
}

/** Opens the first document; whatever goes wrong, the page ends with a document and a notice, never blank. */
async function boot(ws: AppWorkspace, store: Storage | null): Promise<{ saveNow: boolean; source: BootSource | null }> {
  const lang = useLanguage.getState().lang;
  ws.recent.setState({ storage: store });
  try {
    const plan = await bootWorkspace(ws, { hash: window.location.hash, storage: store, loadExample: () => fetchExample(DEFAULT_EXAMPLE), lang });
    if (plan.clearHash) clearHash();
    return { saveNow: plan.saveNow, source: plan.source };
  } catch (e) {
    if (isShareHash(window.location.hash)) clearHash();
    ws.session.load(emptyDocument());
    ws.session.notify({ kind: 'error', text: msg('shell.notice.bootFailed'), technical: technicalText(e) });
    return { saveNow: false, source: null };
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const lang = useLanguage.getState().lang;
  document.documentElement.lang = lang;
  // The first screen's strings in the page's language download alongside what follows; the first document waits for them.
  const strings = loadLanguage(lang);
  // The page's one session: the training worker compiles its own copy in its own thread.
  const ws = createAppWorkspace({
    createWorker: () => new Worker(new URL('./training/worker.ts', import.meta.url), { type: 'module' }),
    lang: () => useLanguage.getState().lang,
  });
  const store = storage();
  const lessons = new LessonsHost({
    ws,
    storage: store,
    lang: () => useLanguage.getState().lang,
    fetchExample,
    fetchData: fetchCourseData,
    // A tab opens once its panel's code is here, so it draws at once; the fit waits for it, as the dock's height counts.
    showTab: (list, tab) => void preloadTab(list, tab).then(() => requestTab(list, tab)),
    fitView: (focus, setUp) => requestFit(focus, setUp.then((carryOut) => carryOut && panelDownloads().then(() => true))),
  });
  installTestHook(window, () => readSnapshot(ws.session.state, useLanguage.getState().lang, lessons.lessons?.snapshot() ?? null));
  // Before the shell's own drop handler (installed when the app mounts): a dropped CSV goes to the Data panel.
  installCsvDrop(window, ws.session);

  // The lessons' code downloads while the first document opens when the page may need it at once:
  // a lesson link, a lesson open last time, or a first visit (the welcome).
  const progress = readProgress(store);
  const linked = isLessonHash(window.location.hash);
  if (linked || progress.open !== null || !progress.welcomeSeen) lessons.prefetch();
  // Should they not download even on a second try, the page still opens, showing message keys.
  await strings.catch(() => loadLanguage(lang)).catch(() => undefined);
  const { saveNow, source } = await boot(ws, store);
  // A reload that restores a selected node draws its editors with the first screen, not a moment after.
  if (ws.session.state.selection.length > 0) await preloadNodeInspector();
  // A lesson link opens that lesson and step; a first visit (no saved work, no shared graph) gets the welcome.
  const welcome = !linked && (source === 'example' || source === 'empty') && !progress.welcomeSeen;
  if (linked || progress.open !== null || welcome) {
    try {
      const course = await lessons.load();
      if (linked) {
        const hash = window.location.hash;
        clearHash();
        course.openLink(hash);
      } else if (welcome) course.offerWelcome();
    } catch (e) {
      // The lessons could not download: a link says so in the notice; a lesson open last time shows the panel with Try again.
      if (linked) {
        clearHash();
        ws.session.notify(loadFailedNotice(e));
      } else if (progress.open !== null) lessons.setPanelOpen(true);
    }
  }
  if (store) {
    const autosave = startAutosave(ws, { dirty: saveNow });
    ws.connectAutosave(autosave.flush);
    window.addEventListener('pagehide', () => autosave.flush());
    window.addEventListener('beforeunload', () => autosave.flush());
    // Another tab saved or discarded a document: show its list as it is now.
    window.addEventListener('storage', () => ws.recent.getState().refresh());
  }
  // A share link pasted into the address of an open tab changes only the hash: open it as a new document.
  window.addEventListener('hashchange', () => {
    if (isLessonHash(window.location.hash)) {
      const hash = window.location.hash;
      clearHash();
      lessons.load().then(
        (course) => course.openLink(hash),
        (e: unknown) => ws.session.notify(loadFailedNotice(e)),
      );
      return;
    }
    if (!isShareHash(window.location.hash)) return;
    const hash = window.location.hash;
    clearHash();
    void openShareLink(ws, hash, useLanguage.getState().lang);
  });

  createRoot(root).render(
    <StrictMode>
      <WorkspaceContext.Provider value={ws}>
        <LessonsProvider host={lessons}>
          <ErrorBoundary workspace={ws}>
            <App />
          </ErrorBoundary>
        </LessonsProvider>
      </WorkspaceContext.Provider>
    </StrictMode>,
  );
}

void start();
