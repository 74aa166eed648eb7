import { describe, expect, it, vi } from 'vitest';
import { compile } from '../../engine';
import { example } from '../stepper/testGraphs';
import { pytorchView } from './pytorchView';
import { Session } from './Session';

// Every compile anywhere — the session's, the export's, a validation split's — goes through this one function.
vi.mock('../../engine/exec/compile', async (importOriginal) => {
  const real = await importOriginal<{ compile: typeof compile }>();
  return { ...real, compile: vi.fn(real.compile) };
});
const compiles = vi.mocked(compile);

/** A session whose frames never run: playback moves only when the test steps. */
function session(name: string): Session {
  return new Session({ doc: example(name), frames: { request: () => 0, cancel: () => undefined } });
}

/** Plays one whole training step event by event, reading the PyTorch view after each as the step panel does; returns the compiles it took. */
function playStep(s: Session): number {
  const before = compiles.mock.calls.length;
  s.step();
  s.pytorchExport(pytorchView);
  while (s.state.stepper.cursor < s.state.stepper.events.length - 1) {
    s.step();
    s.pytorchExport(pytorchView);
  }
  return compiles.mock.calls.length - before;
}

/** The value the script's `self.W = nn.Parameter(…)` line starts W from. */
function scriptW(s: Session): string {
  const r = s.pytorchExport(pytorchView).result;
  if (!r.ok) throw new Error(r.message);
  return /self\.W = nn\.Parameter\(torch\.tensor\(([^)]*)\)\)/.exec(r.code)?.[1] ?? '';
}

describe('the PyTorch view compiles only when the script changes shape', () => {
  it('stepping training steps through every event compiles nothing, and the script follows the parameters', () => {
    const s = session('linear-regression-by-hand');
    s.pytorchExport(pytorchView);
    expect(scriptW(s)).toBe('1.0');
    const perStep = [playStep(s), playStep(s), playStep(s)];
    expect(perStep).toEqual([0, 0, 0]);
    // The script starts from the parameters three steps wrote, exactly.
    const w = s.state.history.present.nodes.find((n) => n.id === 'W')?.params?.value.data[0];
    expect(w).not.toBe(1);
    expect(Number(scriptW(s))).toBe(w);
  });

  it('Adam on nn.Linear: the saved moments change every step, and still nothing compiles', () => {
    const s = session('linear-regression-module');
    s.edit('Adam', (d) => {
      d.training.optimizer = { type: 'adam', lr: 0.01 };
    });
    s.pytorchExport(pytorchView);
    expect([playStep(s), playStep(s)]).toEqual([0, 0]);
    const r = s.pytorchExport(pytorchView).result;
    expect(r.ok && r.code).toContain("optimizer.state[net.linear.weight]['exp_avg']");
  });

  it('a setting the script writes (the learning rate) or a new node compiles the script once', () => {
    const s = session('linear-regression-by-hand');
    s.pytorchExport(pytorchView);
    const before = compiles.mock.calls.length;
    s.edit('lr', (d) => {
      d.training.optimizer.lr = 0.002;
    });
    s.pytorchExport(pytorchView);
    s.pytorchExport(pytorchView);
    // The session itself does not compile for a setting; the script does, once.
    expect(compiles.mock.calls.length - before).toBe(1);
    const r = s.pytorchExport(pytorchView).result;
    expect(r.ok && r.code).toContain('lr=0.002');

    const moved = compiles.mock.calls.length;
    s.edit('move', (d) => {
      d.nodes[0].position = { x: 5, y: 5 };
    });
    s.pytorchExport(pytorchView);
    expect(compiles.mock.calls.length - moved).toBe(0);
  });
});
