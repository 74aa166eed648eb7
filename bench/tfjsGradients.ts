/**
 * tfjs-core's Node bundle registers no gradients (the `@tensorflow/tfjs` union package does it
 * by importing `dist/register_all_gradients`, whose ESM tree Node cannot load as a whole). This
 * registers tfjs-core's own gradient configs for the kernels the workloads use; the ESM copies
 * of the ops they call share the global engine and kernel registry with the Node bundle.
 */
import { registerGradient } from '@tensorflow/tfjs-core';
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad';
import { meanGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Mean_grad';
import { multiplyGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Multiply_grad';
import { squareGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Square_grad';
import { squaredDifferenceGradConfig } from '@tensorflow/tfjs-core/dist/gradients/SquaredDifference_grad';

/** Registers the gradients of Add, BatchMatMul, Mean, Multiply, Square and SquaredDifference. */
export function registerBenchGradients(): void {
  for (const config of [addGradConfig, batchMatMulGradConfig, meanGradConfig, multiplyGradConfig, squareGradConfig, squaredDifferenceGradConfig]) {
    registerGradient(config);
  }
}
