import { Component, type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';
import { useT } from '../i18n/useT';

/** Downloads of panel code under way, so a lesson's fit can wait for the layout they change. */
const downloads = new Set<Promise<unknown>>();

/** Settles once every panel download started so far has finished (or failed). */
export function panelDownloads(): Promise<void> {
  return Promise.allSettled([...downloads]).then(() => undefined);
}

/** A panel whose code failed to download (offline, or the site was updated since the page loaded). */
class PanelLoadError extends Error {
  override readonly name = 'PanelLoadError';
}

/** One line while a panel's code downloads; it shows only if the wait is long enough to notice (panels.css). */
export function PanelLoading() {
  const t = useT();
  return (
    <p className="panel-loading" role="status" data-testid="panel.loading">
      {t('shell.panel.loading')}
    </p>
  );
}

/** Where a panel could not load: what happened and a way to try again; the graph and the rest of the page are untouched. */
export function PanelLoadFailed({ retry }: { retry: () => void }) {
  const t = useT();
  return (
    <div className="panel-loading-failed" role="alert" data-testid="panel.loadFailed">
      <p>{t('shell.panel.loadFailed')}</p>
      <button type="button" data-testid="panel.retry" onClick={retry}>
        {t('shell.panel.retry')}
      </button>
    </div>
  );
}

/** Catches a failed download of a panel's code; anything else a panel throws goes on to the app's crash screen. */
class LoadBoundary extends Component<{ readonly retry: () => void; readonly children: ReactNode }, { readonly error: unknown }> {
  override state: { readonly error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    if (!(this.state.error instanceof PanelLoadError)) throw this.state.error;
    return <PanelLoadFailed retry={this.props.retry} />;
  }
}

/** A panel drawn from code that downloads the first time it is shown (or preloaded). */
export interface LazyPanel<P extends object> {
  /** Draws the panel, with a quiet loading line meanwhile and a retry if the download fails. */
  readonly Panel: ComponentType<P>;
  /** Starts the download early (a pointer over the panel's tab), so opening it shows no wait; settles when it is over, downloaded or not. */
  readonly preload: () => Promise<void>;
}

/** Splits a panel out of the first screen's JavaScript: `load` imports its module and returns the component. */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): LazyPanel<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const download = (): Promise<ComponentType<P>> => {
    if (pending) return pending;
    const started = load().then(
      (component) => (loaded = component),
      (e: unknown) => {
        pending = null; // the next attempt downloads again
        throw new PanelLoadError(e instanceof Error ? e.message : String(e));
      },
    );
    downloads.add(started);
    void started.finally(() => downloads.delete(started)).catch(() => undefined);
    pending = started;
    return started;
  };
  const makeLazy = () => lazy(() => download().then((component) => ({ default: component })));
  let Loaded = makeLazy();
  function Panel(props: P) {
    const [attempt, setAttempt] = useState(0);
    // Code already here (a pointer reached the tab, or it was open before) draws at once, with no loading step.
    const [Ready] = useState(() => loaded);
    const retry = () => {
      Loaded = makeLazy(); // React keeps a failed lazy component failed; a new one tries again
      setAttempt((n) => n + 1);
    };
    if (Ready) return <Ready {...props} />;
    return (
      <LoadBoundary key={attempt} retry={retry}>
        <Suspense fallback={<PanelLoading />}>
          <Loaded {...props} />
        </Suspense>
      </LoadBoundary>
    );
  }
  return { Panel, preload: () => download().then(() => undefined, () => undefined) };
}
