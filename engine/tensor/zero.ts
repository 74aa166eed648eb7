/** Runs up to this long are zeroed by a loop: `fill` is a call into V8's runtime, which costs more than a few stores. */
const LOOP_UP_TO = 64;

/** Sets every element of each buffer to 0 (as `fill(0)`), short ones by a loop. */
export function zeroBuffers(buffers: readonly Float64Array[]): void {
  for (let k = 0; k < buffers.length; k++) {
    const b = buffers[k];
    if (b.length > LOOP_UP_TO) b.fill(0);
    else for (let i = 0; i < b.length; i++) b[i] = 0;
  }
}
