import { describe, expect, it } from 'vitest';
import { pytorchView } from '../session/pytorchView';
import { Session } from '../session/Session';
import { scriptLine } from './scriptLine';
import { example } from './testGraphs';

/** Steps through one whole training step; returns each event (`forward X`, `backward`, `update W`) with the text of the line the view lights for it. */
function litLines(name: string): [string, string][] {
  const s = new Session({ doc: example(name), frames: { request: () => 0, cancel: () => undefined } });
  const seen: [string, string][] = [];
  do {
    s.step();
    const r = s.pytorchExport(pytorchView).result;
    if (!r.ok) throw new Error(r.message);
    const { events, cursor, zeroGrad } = s.state.stepper;
    const ev = events[cursor];
    const line = r.code.split('\n')[scriptLine(r, { events, cursor }, zeroGrad) - 1];
    seen.push([ev.type === 'forward' ? `forward ${ev.node}` : `${ev.type} ${ev.node}`, line.replace(/ {2}#.*$/, '').trim()]);
  } while (s.state.stepper.cursor < s.state.stepper.events.length - 1);
  return seen;
}

describe('scriptLine: the line the PyTorch view lights for each event', () => {
  it('linear regression by hand: each forward node its own line (X in the inputs, WX in forward()), backward loss.backward(), update optimizer.step()', () => {
    const lit = new Map(litLines('linear-regression-by-hand'));
    expect(lit.get('forward X')).toBe('X = height - height_mean');
    expect(lit.get('forward W')).toBe('self.W = nn.Parameter(torch.tensor(1.0))');
    expect(lit.get('forward WX')).toBe('WX = self.W * X');
    expect(lit.get('forward loss')).toBe('loss_ = torch.mean(err2)');
    expect(lit.get('backward X')).toBeUndefined();
    expect(lit.get('backward W')).toBe('loss.backward()');
    expect(lit.get('update W')).toBe('optimizer.step()');
    expect(lit.get('update B')).toBe('optimizer.step()');
  });

  it('nn.Linear with a criterion: the linear node in forward(), the loss on the criterion line', () => {
    const lit = new Map(litLines('linear-regression-module'));
    expect(lit.get('forward linear')).toMatch(/^linear = self\.linear\(/);
    expect(lit.get('forward loss')).toMatch(/^loss = criterion\(outputs, /);
    expect(lit.get('backward linear')).toBe('loss.backward()');
  });

  it('the composite function, written as the course writes it: one line per node, then z.backward()', () => {
    const lit = litLines('composite-function');
    expect(lit.slice(0, 5)).toEqual([
      ['forward x', 'x = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)'],
      ['forward square', 'square = x**2'],
      ['forward scale', expect.stringMatching(/^scale = /)],
      ['forward y', expect.stringMatching(/^y = /)],
      ['forward z', 'z = y.sum()'],
    ]);
    expect(lit.slice(5).every(([ev, line]) => ev.startsWith('backward') && line === 'z.backward()')).toBe(true);
  });
});
