import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useLanguage } from './i18n/language';
import { translate } from './i18n/useT';
import { appWorkspace, connectAutosave } from './shell/appWorkspace';
import { startAutosave } from './shell/autosave';
import { bootWorkspace } from './shell/boot';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { DEFAULT_EXAMPLE, fetchExample } from './shell/examples';
import { openShareLink } from './shell/fileActions';
import { useEditor, useRun } from './store';
import { emptyDocument } from './store/edits';
import { isShareHash, technicalText } from './store/persistence';
import { stepperSnapshot } from './stepper/snapshot';
import { useStepper } from './stepper/useStepper';
import { installTestHook, readSnapshot } from './testHook';
import { useTraining } from './training/trainingStore';
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
async function boot(store: Storage | null): Promise<{ saveNow: boolean }> {
  const lang = useLanguage.getState().lang;
  appWorkspace.recent.setState({ storage: store });
  try {
    const plan = await bootWorkspace(appWorkspace, { hash: window.location.hash, storage: store, loadExample: () => fetchExample(DEFAULT_EXAMPLE), lang });
    if (plan.clearHash) clearHash();
    return { saveNow: plan.saveNow };
  } catch (e) {
    if (isShareHash(window.location.hash)) clearHash();
    useEditor.setState({ history: { present: emptyDocument(), past: [], future: [] }, selection: [], viewport: null });
    useEditor.getState().notify({ kind: 'error', text: translate(lang, 'shell.notice.bootFailed'), technical: technicalText(e) });
    return { saveNow: false };
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  document.documentElement.lang = useLanguage.getState().lang;
  installTestHook(window, () => ({
    ...readSnapshot(useEditor.getState(), useRun.getState(), useLanguage.getState().lang, useTraining.getState()),
    stepper: stepperSnapshot(useStepper.getState()),
  }));

  const store = storage();
  const { saveNow } = await boot(store);
  if (store) {
    const autosave = startAutosave(appWorkspace, { dirty: saveNow });
    connectAutosave(autosave.flush);
    window.addEventListener('pagehide', () => autosave.flush());
    window.addEventListener('beforeunload', () => autosave.flush());
    // Another tab saved or discarded a document: show its list as it is now.
    window.addEventListener('storage', () => appWorkspace.recent.getState().refresh());
  }
  // A share link pasted into the address of an open tab changes only the hash: open it as a new document.
  window.addEventListener('hashchange', () => {
    if (!isShareHash(window.location.hash)) return;
    const hash = window.location.hash;
    clearHash();
    openShareLink(appWorkspace, hash, useLanguage.getState().lang);
  });

  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
