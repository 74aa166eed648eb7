import { z } from 'zod';
import { checkSchema } from './predicates';

// The format of a lesson file (docs/lessons.md). Every lesson is checked against it by a unit
// test, when the app is built (vite.config.ts) and when the page loads the course.

/** A text in both interface languages; `[[message.key]]` names a control by its visible name. */
const textSchema = z.strictObject({ en: z.string().min(1).max(2000), ja: z.string().min(1).max(2000) });

/** The tabs a step can open: `dock.<tab>` under the canvas, `side.<tab>` beside it. */
export const TAB_IDS = ['dock.step', 'dock.plots', 'dock.code', 'side.inspector', 'side.data', 'side.train', 'side.gradcheck'] as const;

/** One thing a lesson or a step does to the canvas before the learner starts. */
export const setupSchema = z.discriminatedUnion('do', [
  /** File → New: an empty graph (the one that was open stays in Recent). */
  z.strictObject({ do: z.literal('newGraph') }),
  /** Opens a shipped example (public/examples) as a new document. */
  z.strictObject({ do: z.literal('openExample'), file: z.string().regex(/^[a-z0-9-]+\.json$/) }),
  /** Shows a tab of the dock or the side panel. */
  z.strictObject({ do: z.literal('openTab'), tab: z.enum(TAB_IDS) }),
  /** Selects a node by id (of the example the lesson opened). */
  z.strictObject({ do: z.literal('select'), node: z.string().min(1) }),
  /** Puts this PyTorch code in the code panel as the learner's text, to run (it does not run it). */
  z.strictObject({ do: z.literal('showCode'), code: z.string().min(1).max(4000) }),
  /** Loads a shipped copy of a course data file (public/data) into the Data panel, as Import does. */
  z.strictObject({ do: z.literal('loadData'), file: z.string().regex(/^[a-z0-9_-]+\.csv$/) }),
]);
/** One set-up action. */
export type Setup = z.infer<typeof setupSchema>;

/** Code a step corresponds to in PyTorch, and what PyTorch prints when it runs. */
const pytorchSchema = z.strictObject({ code: z.string().min(1).max(4000), output: z.string().max(4000) });

/** One step: what to do, how it is judged, a hint for after a wrong attempt. */
const stepSchema = z.strictObject({
  text: textSchema,
  hint: textSchema,
  /** The data-testid of the control the step is about; it gets a highlight that does not block it. */
  point: z
    .string()
    .regex(/^[\w.-]+$/)
    .optional(),
  setup: z.array(setupSchema).max(8).optional(),
  /** Ids of the nodes the step is about: when the lesson's graph cannot be shown whole beside the Lessons panel, the view centres on them. */
  focus: z.array(z.string().min(1)).min(1).max(20).optional(),
  /** Every check must hold for the step to be done. */
  check: z.array(checkSchema).min(1).max(8),
  pytorch: pytorchSchema.optional(),
});
/** One step of a lesson. */
export type LessonStep = z.infer<typeof stepSchema>;

/** A lesson file. */
export const lessonSchema = z.strictObject({
  /** The name in links: `#lesson=<id>/<step>`. */
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  /** Its place in the course (1 = functions and composite functions). */
  number: z.number().int().min(1).max(99),
  title: textSchema,
  /** The goal in one line. */
  goal: textSchema,
  /** Done when the lesson starts from the list or a link. */
  setup: z.array(setupSchema).max(8).optional(),
  /** Ids of the nodes the lesson is about, for the steps that name none (see a step's `focus`). */
  focus: z.array(z.string().min(1)).min(1).max(20).optional(),
  steps: z.array(stepSchema).min(3).max(8),
});
/** A lesson, as validated. */
export type Lesson = z.infer<typeof lessonSchema>;
/** A lesson as a lesson file writes it (checked by the type checker before the schema sees it). */
export type LessonFile = z.input<typeof lessonSchema>;
