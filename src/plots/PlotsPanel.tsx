import { type ReactNode, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { lossSeries } from '../session/runHistory';
import { curveOf } from '../session/Session';
import { useSession, useSessionApi } from '../session/useSession';
import { ContourPlot } from './ContourPlot';
import { DataModelPlot } from './DataModelPlot';
import { download, downloadPng, downloadSvg } from './exportPlot';
import { FloatingPanel } from './FloatingPanel';
import { FunctionPlot } from './FunctionPlot';
import { lossCsv } from './lossCsv';
import { LossPlot } from './LossPlot';
import { OptimizerPlot } from './OptimizerPlot';
import { useSize } from './useSize';
import './plots.css';
import './plotMessages';

/** The plots the panel offers, in menu order. */
const PLOT_KINDS = ['loss', 'data', 'function', 'contour', 'optimizer'] as const;
/** One of the plots. */
export type PlotKind = (typeof PLOT_KINDS)[number];

const PLOTS: Record<PlotKind, (p: { width: number; height: number }) => ReactNode> = {
  loss: LossPlot,
  data: DataModelPlot,
  function: FunctionPlot,
  contour: ContourPlot,
  optimizer: OptimizerPlot,
};

/** A file name for exports: the graph's name (or "graph") and the plot. */
function exportName(docName: string | undefined, kind: PlotKind): string {
  const base = (docName ?? 'graph').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'graph';
  return `${base}-${kind}`;
}

/** The plots: a selector, the chosen plot in a resizable area (or a floating panel), and exports. */
export function PlotsPanel() {
  const t = useT();
  const [kind, setKind] = useState<PlotKind>('loss');
  const [detached, setDetached] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const docName = useSession((s) => s.history.present.name);
  const session = useSessionApi();
  const svg = () => area.current?.querySelector<SVGSVGElement>('svg[data-plot]') ?? null;
  const name = exportName(docName, kind);
  const plot = <PlotArea key={detached ? 'float' : 'dock'} kind={kind} areaRef={area} />;
  return (
    <div className="plots" data-testid="plots">
      <div className="plots__bar">
        <label>
          {t('plot.choose')}{' '}
          <select data-testid="plot.select" value={kind} onChange={(e) => setKind(e.target.value as PlotKind)}>
            {PLOT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`plot.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="plots__actions">
          <button type="button" data-testid="plot.export.svg" onClick={() => { const s = svg(); if (s) downloadSvg(s, name); }}>
            {t('plot.export.svg')}
          </button>
          <button
            type="button"
            data-testid="plot.export.png"
            onClick={() => {
              const s = svg();
              if (s) downloadPng(s, name).then(() => setError(null), (e: Error) => setError(e.message));
            }}
          >
            {t('plot.export.png')}
          </button>
          <button type="button" data-testid="plot.export.csv" title={t('plot.export.csvHint')} onClick={() => {
              // Read when pressed: the panel does not redraw with every training frame.
              const history = lossSeries(curveOf(session.store.getState()));
              download(`${exportName(docName, 'loss')}.csv`, new Blob([lossCsv(history.loss, history.testLoss, history.epochs)], { type: 'text/csv' }));
            }}
          >
            {t('plot.export.csv')}
          </button>
          <button type="button" data-testid="plot.detach" aria-pressed={detached} onClick={() => setDetached((d) => !d)}>
            {detached ? t('plot.attach') : t('plot.detach')}
          </button>
        </span>
      </div>
      {error && (
        <p className="plots__error" role="alert">
          {error}
        </p>
      )}
      {detached ? (
        <>
          <p className="plot__empty">{t('plot.detachedNote')}</p>
          <FloatingPanel title={t(`plot.${kind}`)} closeLabel={t('plot.attach')} onClose={() => setDetached(false)}>
            {plot}
          </FloatingPanel>
        </>
      ) : (
        plot
      )}
    </div>
  );
}

/** The resizable area a plot fills; the plot is drawn at the area's size. */
function PlotArea({ kind, areaRef }: { kind: PlotKind; areaRef: React.RefObject<HTMLDivElement | null> }) {
  const size = useSize(areaRef);
  const Plot = PLOTS[kind];
  return (
    <div className="plot-area" ref={areaRef} data-testid="plot.area">
      <Plot width={size.width} height={size.height} />
    </div>
  );
}
