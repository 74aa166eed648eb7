import { formatCount, formatShape, MAX_TENSOR_ELEMENTS } from '../../engine';
import { MAX_EDIT_VALUES, sizeOfShape, type TextError } from './tensorText';

/**
 * Why the inspector will not build the values of a tensor of this shape, or null when it may.
 * Checked from the shape alone, before anything is allocated: a linear with 100,000 inputs and
 * outputs, or a parameter of shape [50000000], must show a sentence, not freeze the page.
 * Over the engine's limit it is `too_large` (the engine's own wording); within it but beyond
 * what the table edits it is `too_many_to_edit`, so a multi-megabyte tensor never lands in the
 * document (and its autosave) by editing one cell.
 */
export function shapeSizeError(shape: readonly number[]): TextError | null {
  const n = sizeOfShape(shape);
  // The same test initTensor makes, so nothing it would refuse gets past here.
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_TENSOR_ELEMENTS)) {
    return { code: 'too_large', shape: formatShape(shape), count: formatCount(n), limit: formatCount(MAX_TENSOR_ELEMENTS) };
  }
  if (n > MAX_EDIT_VALUES) return { code: 'too_many_to_edit', count: formatCount(n), max: formatCount(MAX_EDIT_VALUES) };
  return null;
}
