import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchCourseData } from './courseData';

/** A fetch that answers every request with `status` and `body`, recording the URLs asked for. */
function fakeFetch(status: number, body: string, urls: string[] = []): typeof fetch {
  return (async (url: string) => {
    urls.push(url);
    return new Response(body, { status });
  }) as unknown as typeof fetch;
}

describe('fetchCourseData', () => {
  it('reads a shipped course file from data/ as Import reads a CSV file', async () => {
    const urls: string[] = [];
    const r = await fetchCourseData('boston_rm_price.csv', fakeFetch(200, readFileSync('public/data/boston_rm_price.csv', 'utf8'), urls));
    expect(urls).toEqual(['/data/boston_rm_price.csv']);
    expect(r.ok && { name: r.name, columns: r.dataset.columns, rows: r.dataset.rows.length, roles: r.roles }).toEqual({ name: 'boston_rm_price', columns: ['RM', 'PRICE'], rows: 506, roles: { RM: 'feature', PRICE: 'target' } });
  });

  it('a failed or refused download is a message naming the file, never a throw', async () => {
    expect(await fetchCourseData('boston_rm_price.csv', fakeFetch(404, 'not found'))).toEqual({ ok: false, messages: [{ key: 'datasets.err.download', vars: { file: 'boston_rm_price.csv', reason: 'HTTP 404' } }] });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchCourseData('boston_rm_price.csv', offline)).toEqual({ ok: false, messages: [{ key: 'datasets.err.download', vars: { file: 'boston_rm_price.csv', reason: 'Failed to fetch' } }] });
  });
});
