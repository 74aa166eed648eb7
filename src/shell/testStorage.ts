/**
 * An in-memory Storage for the shell's tests, with an optional quota in UTF-16 code units
 * (keys and values, as browsers count them) that throws the browser's QuotaExceededError.
 */
export class MemoryStorage {
  writes = 0;
  private readonly data = new Map<string, string>();

  constructor(public quota = Infinity) {}

  get length(): number {
    return this.data.size;
  }

  key(i: number): string | null {
    return [...this.data.keys()][i] ?? null;
  }

  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }

  setItem(k: string, v: string): void {
    const used = this.used() - (this.data.has(k) ? k.length + (this.data.get(k) as string).length : 0);
    if (used + k.length + v.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes++;
    this.data.set(k, v);
  }

  removeItem(k: string): void {
    this.data.delete(k);
  }

  clear(): void {
    this.data.clear();
  }

  /** This object typed as the browser's Storage. */
  get storage(): Storage {
    return this as unknown as Storage;
  }

  /** Code units used by keys and values, as a browser counts them against the quota. */
  used(): number {
    let n = 0;
    for (const [k, v] of this.data) n += k.length + v.length;
    return n;
  }

  /** Every key and value, for checking what a test left behind. */
  dump(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
}
