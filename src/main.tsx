import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { compositeFunction } from './examples/compositeFunction';
import { Session } from './session';
import { installTestHook } from './testHook';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const session = new Session(compositeFunction);
installTestHook(window, session.getSnapshot);

createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
