import { describe, expect, it, vi } from 'vitest';
import { fitAnswered, isFitPending, isStillWanted, nodesToFit, noteLearnerMove, requestFit, useFitRequest, zoomToFit } from './fitRequest';

const FIT = { padding: 0.08, minZoom: 0.8 };
const IDS = ['x', 'square', 'scale', 'y', 'z'];

describe('fitting the canvas beside the Lessons panel', () => {
  it('zoomToFit is the zoom at which the padded box fills the narrower side', () => {
    expect(zoomToFit({ width: 1000, height: 100 }, 540, 400, 0.08)).toBeCloseTo(0.5, 12);
    expect(zoomToFit({ width: 100, height: 500 }, 540, 270, 0.08)).toBeCloseTo(0.5, 12);
  });

  it('a graph that fits at the minimum zoom is shown whole', () => {
    expect(nodesToFit({ width: 600, height: 200 }, IDS, ['x'], { width: 540, height: 400 }, FIT)).toEqual(IDS);
  });

  it('a graph too wide for the canvas at the minimum zoom is centred on the focused nodes (those on the canvas)', () => {
    expect(nodesToFit({ width: 980, height: 200 }, IDS, ['x', 'square', 'gone'], { width: 540, height: 400 }, FIT)).toEqual(['x', 'square']);
  });

  it('without focused nodes on the canvas, the whole graph is fitted (at the minimum zoom, centred)', () => {
    expect(nodesToFit({ width: 980, height: 200 }, IDS, [], { width: 540, height: 400 }, FIT)).toEqual(IDS);
    expect(nodesToFit({ width: 980, height: 200 }, IDS, ['gone'], { width: 540, height: 400 }, FIT)).toEqual(IDS);
  });
});

describe('a lesson asking the canvas to fit', () => {
  const latest = () => useFitRequest.getState().request?.seq ?? 0;
  const pending = () => isFitPending(useFitRequest.getState());

  it('is handed to the canvas once the panels it waits for are here, and pending until the canvas answers it', async () => {
    const before = latest();
    let arrive = () => {};
    requestFit(['x'], new Promise<boolean>((resolve) => (arrive = () => resolve(true))));
    expect(pending()).toBe(true);
    await Promise.resolve();
    expect(latest()).toBe(before);
    arrive();
    await vi.waitFor(() => expect(useFitRequest.getState().request).toMatchObject({ focus: ['x'] }));
    const request = useFitRequest.getState().request!;
    expect(request.seq).toBeGreaterThan(before);
    expect(isStillWanted(request)).toBe(true);
    expect(pending()).toBe(true);
    fitAnswered(request.seq);
    expect(pending()).toBe(false);
  });

  it('is dropped, and no longer pending, when the learner moves the view before the panels are here: the view stays where they put it', async () => {
    const before = latest();
    let arrive = () => {};
    requestFit(['x'], new Promise<boolean>((resolve) => (arrive = () => resolve(true))));
    noteLearnerMove();
    arrive();
    await vi.waitFor(() => expect(pending()).toBe(false));
    expect(latest()).toBe(before);
  });

  it('is dropped when the learner moves the view after it was handed over but before the canvas fits', async () => {
    requestFit(['x']);
    await vi.waitFor(() => expect(useFitRequest.getState().request?.seq).toBe(useFitRequest.getState().asked));
    const request = useFitRequest.getState().request!;
    expect(isStillWanted(request)).toBe(true);
    noteLearnerMove();
    expect(isStillWanted(request)).toBe(false);
    fitAnswered(request.seq);
  });

  it('is dropped, and no longer pending, when what it waited for says not to (the lesson moved to another step)', async () => {
    const before = latest();
    requestFit(['x'], Promise.resolve(false));
    expect(pending()).toBe(true);
    await vi.waitFor(() => expect(pending()).toBe(false));
    expect(latest()).toBe(before);
  });

  it('still happens when the panels it waited for failed to download', async () => {
    requestFit(['x'], Promise.reject(new Error('offline')));
    const asked = useFitRequest.getState().asked;
    await vi.waitFor(() => expect(latest()).toBe(asked));
    fitAnswered(asked);
  });

  it('answering a later request answers the earlier ones it replaced', async () => {
    requestFit(['x']);
    requestFit(['y']);
    const asked = useFitRequest.getState().asked;
    await vi.waitFor(() => expect(latest()).toBe(asked));
    fitAnswered(asked);
    expect(pending()).toBe(false);
  });
});
