import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { registerBenchGradients } from './tfjsGradients';
import type { ChainWorkload, MlpWorkload, Workload } from './workloads';

/** TensorFlow.js (float32, pure-JS CPU backend) set up for one workload. */
export interface TfjsRun {
  /** One training step (minimize with SGD; for a chain, tf.grad of the chain); frees every temporary. */
  readonly step: () => void;
  /** The loss of the last step (reads it back from the backend). */
  readonly loss: () => number;
  /** Frees the variables and constants. */
  readonly dispose: () => void;
}

/** Selects the CPU backend; production mode only silences tfjs's warnings (e.g. "install tfjs-node"). */
export async function initTfjs(): Promise<void> {
  tf.enableProdMode();
  registerBenchGradients();
  await tf.setBackend('cpu');
  await tf.ready();
}

/** The number of live tensors, to check that steps do not leak. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}

/** A trainable variable holding `t`'s values; `t` itself is freed. */
function variableOf(t: tf.Tensor): tf.Variable {
  const v = tf.variable(t);
  t.dispose();
  return v;
}

/** Regression: tf.variable weights ([out, in], like nn.Linear), matMul + add, square, mean squared error, tf.train.sgd. */
function mlpRun(w: MlpWorkload): TfjsRun {
  const nIn = w.layers[0].inFeatures;
  const x = tf.tensor2d(Float32Array.from(w.x), [w.rows, nIn]);
  const y = tf.tensor2d(Float32Array.from(w.y), [w.rows, 1]);
  const vars = w.layers.map((l) => ({
    weight: variableOf(tf.tensor2d(Float32Array.from(l.weight), [l.outFeatures, l.inFeatures])),
    bias: variableOf(tf.tensor1d(Float32Array.from(l.bias))),
  }));
  const optimizer = tf.train.sgd(w.lr);
  const lossFn = (): tf.Scalar => {
    let h: tf.Tensor = x;
    vars.forEach((v, i) => {
      h = tf.add(tf.matMul(h, v.weight, false, true), v.bias);
      if (i < vars.length - 1) h = tf.square(h);
    });
    return tf.mean(tf.squaredDifference(h, y));
  };
  let last: tf.Scalar | null = null;
  return {
    step: () => {
      last?.dispose();
      last = optimizer.minimize(lossFn, true);
    },
    loss: () => (last ? last.dataSync()[0] : NaN),
    dispose: () => {
      last?.dispose();
      optimizer.dispose();
      for (const v of vars) tf.dispose([v.weight, v.bias]);
      tf.dispose([x, y]);
    },
  };
}

/** The scalar chain as tf.square, tf.mul by k, tf.add c (constants made once), differentiated with tf.grad. */
function chainRun(w: ChainWorkload): TfjsRun {
  const k = tf.scalar(w.k);
  const c = tf.scalar(w.c);
  const x = tf.scalar(w.start);
  const chain = (v: tf.Tensor): tf.Tensor => {
    for (let i = 0; i < w.length; i++) {
      const phase = i % 3;
      v = phase === 0 ? tf.square(v) : phase === 1 ? tf.mul(v, k) : tf.add(v, c);
    }
    return v;
  };
  const grad = tf.grad(chain);
  let last: tf.Tensor | null = null;
  return {
    step: () => {
      last?.dispose();
      last = grad(x);
    },
    loss: () => tf.tidy(() => chain(x).dataSync()[0]),
    dispose: () => {
      last?.dispose();
      tf.dispose([k, c, x]);
    },
  };
}

/** TensorFlow.js for a workload; call initTfjs first. */
export function createTfjsRun(w: Workload): TfjsRun {
  return w.kind === 'mlp' ? mlpRun(w) : chainRun(w);
}
