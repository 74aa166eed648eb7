import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useLanguage } from './i18n/language';
import { startAutosave } from './shell/autosave';
import { applyBoot, planBoot } from './shell/boot';
import { DEFAULT_EXAMPLE, fetchExample } from './shell/examples';
import { useEditor, useRun } from './store';
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

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const lang = useLanguage.getState().lang;
  document.documentElement.lang = lang;
  installTestHook(window, () => ({
    ...readSnapshot(useEditor.getState(), useRun.getState(), useLanguage.getState().lang, useTraining.getState()),
    stepper: stepperSnapshot(useStepper.getState()),
  }));

  const store = storage();
  const plan = await planBoot({ hash: window.location.hash, storage: store, loadExample: () => fetchExample(DEFAULT_EXAMPLE), lang });
  if (plan.clearHash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  applyBoot(useEditor, plan, lang);

  if (store) {
    const autosave = startAutosave(useEditor, store, { dirty: plan.saveNow, keepUntilEdit: plan.keepStored });
    window.addEventListener('pagehide', () => autosave.flush());
    window.addEventListener('beforeunload', () => autosave.flush());
  }

  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
