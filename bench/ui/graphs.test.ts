import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openGraphText, PAGE_MAX_NODES, serializeGraphFile } from '../../engine';
import { bostonGraph, parallelChains, playGraph, plotsGraph } from './graphs';

const BOSTON = fileURLToPath(new URL('../../../shared/data/boston_rm_lstat_price.csv', import.meta.url));
const BOSTON_RM = fileURLToPath(new URL('../../../shared/data/boston_rm_price.csv', import.meta.url));

describe('the UI bench graphs', () => {
  it('open in the page without problems, up to the page limit of 10,000 nodes', () => {
    for (const file of [parallelChains(80), parallelChains(1000), parallelChains(PAGE_MAX_NODES), playGraph(), bostonGraph(BOSTON, 5000), plotsGraph(BOSTON_RM, 1000)]) {
      const r = openGraphText(serializeGraphFile(file), { maxNodes: PAGE_MAX_NODES });
      expect(r.ok && r.problems, file.name).toEqual([]);
    }
    expect(parallelChains(PAGE_MAX_NODES).nodes).toHaveLength(10_000);
    expect(parallelChains(80).edges).toHaveLength(72);
  });
});
