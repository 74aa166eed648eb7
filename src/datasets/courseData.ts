import type { CsvImport } from './csvImport';

/** Where the shipped copies of the course's data files are served (public/data, written by scripts/build-public.ts). */
function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}

const refused = (file: string, reason: string): CsvImport => ({ ok: false, messages: [{ key: 'datasets.err.download', vars: { file, reason } }] });

/** A shipped course data file (such as boston_rm_price.csv), read as Import reads a CSV file; a failed download is its message. Never throws. */
export async function fetchCourseData(file: string, fetchFn: typeof fetch = fetch): Promise<CsvImport> {
  try {
    const res = await fetchFn(dataUrl(file));
    if (!res.ok) return refused(file, `HTTP ${res.status}`);
    // The CSV reader downloads on first use, as Import's does.
    const { importCsvText } = await import('./csvImport');
    return importCsvText(file, await res.text());
  } catch (e) {
    return refused(file, e instanceof Error ? e.message : String(e));
  }
}
