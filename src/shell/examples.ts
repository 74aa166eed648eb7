import { formatFileError, loadGraphFile } from '../../engine/format/load';
import type { GraphFile } from '../../engine/format/schema';

/** One entry of public/examples/index.json. */
export interface ExampleEntry {
  readonly file: string;
  readonly name: string;
}

/** The example the app opens on when there is no share link and no autosaved work. */
export const DEFAULT_EXAMPLE = 'composite-function.json';

/** Where the shipped examples are served, under the app's base URL. */
export function exampleUrl(file: string): string {
  return `${import.meta.env.BASE_URL}examples/${file}`;
}

/** The list of shipped examples. */
export async function fetchExampleIndex(fetchFn: typeof fetch = fetch): Promise<ExampleEntry[]> {
  const res = await fetchFn(exampleUrl('index.json'));
  if (!res.ok) throw new Error(`${exampleUrl('index.json')}: HTTP ${res.status}`);
  return (await res.json()) as ExampleEntry[];
}

/** A shipped example, loaded like any file; the errors say why it could not be. */
export async function fetchExample(file: string, fetchFn: typeof fetch = fetch): Promise<{ doc: GraphFile } | { errors: string[] }> {
  try {
    const res = await fetchFn(exampleUrl(file));
    if (!res.ok) return { errors: [`${exampleUrl(file)}: HTTP ${res.status}`] };
    const r = loadGraphFile(await res.text());
    return r.ok ? { doc: r.file } : { errors: r.errors.map(formatFileError) };
  } catch (e) {
    return { errors: [`${exampleUrl(file)}: ${(e as Error).message}`] };
  }
}
