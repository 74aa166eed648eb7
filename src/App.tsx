import { useSyncExternalStore } from 'react';
import type { Session } from './session';
import { describeGradState } from './status';
import { NodeTable } from './NodeTable';
import { Toolbar } from './Toolbar';

/** The page: the composite-function example, evaluated, with Backward and Zero grad. */
export function App({ session }: { session: Session }) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return (
    <main className="app">
      <header>
        <h1>GradCanvas</h1>
        <p className="example" data-testid="example.title">
          Composite function: x = arange(-2, 2.1, 0.25), y = 2x² + 2, z = Σ y. Backward gives x.grad = ∂z/∂x = 4x.
        </p>
      </header>
      <Toolbar onBackward={() => session.backward()} onZeroGrad={() => session.zeroGrad()} />
      <p className="status" role="status" data-testid="status.accumulation">
        {describeGradState(snapshot)}
      </p>
      <NodeTable nodes={snapshot.nodes} loss={snapshot.loss} />
    </main>
  );
}
