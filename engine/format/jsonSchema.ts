import { z } from 'zod/mini';
import { graphFileSchema } from './schema';

/** The published JSON Schema of the graph file, generated from the schema the loader uses. */
export function graphJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(graphFileSchema, { target: 'draft-2020-12' }),
    title: 'GradCanvas graph file',
    description: 'A computation graph with its parameters, datasets and training settings, as GradCanvas saves it.',
  };
}
