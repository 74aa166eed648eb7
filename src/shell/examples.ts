import { openPageText, type PageOpenResult, refuseFromOutside, technicalText } from '../store/persistence';

/** One entry of public/examples/index.json. */
export interface ExampleEntry {
  readonly file: string;
  readonly name: string;
}

/** The example the app opens on when there is no share link and no saved work. */
export const DEFAULT_EXAMPLE = 'composite-function.json';

/** Where the shipped examples are served, under the app's base URL. */
function exampleUrl(file: string): string {
  return `${import.meta.env.BASE_URL}examples/${file}`;
}

/** The list of shipped examples. */
export async function fetchExampleIndex(fetchFn: typeof fetch = fetch): Promise<ExampleEntry[]> {
  const res = await fetchFn(exampleUrl('index.json'));
  if (!res.ok) throw new Error(`${exampleUrl('index.json')}: HTTP ${res.status}`);
  return (await res.json()) as ExampleEntry[];
}

/** A shipped example, opened as the page opens any text; a download failure is one of the reasons. Never throws. */
export async function fetchExample(file: string, fetchFn: typeof fetch = fetch): Promise<PageOpenResult> {
  let text: string;
  try {
    const res = await fetchFn(exampleUrl(file));
    if (!res.ok) return { ok: false, errors: [{ path: '', message: `${exampleUrl(file)} could not be downloaded (HTTP ${res.status})` }] };
    text = await res.text();
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `${exampleUrl(file)} could not be downloaded` }], technical: technicalText(e) };
  }
  return refuseFromOutside(openPageText(text));
}
