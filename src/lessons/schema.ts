import { z } from 'zod/mini';
import { checkSchema } from './predicates';

// The format of a lesson file (docs/lessons.md). Every lesson is checked against it by a unit
// test, when the app is built (vite.config.ts) and when the page loads the course.

/** A text in both interface languages; `[[message.key]]` names a control by its visible name. */
const text = () => z.string().check(z.minLength(1), z.maxLength(2000));
const textSchema = z.strictObject({ en: text(), ja: text() });
/** A name that is not empty (a node id). */
const nonEmpty = () => z.string().check(z.minLength(1));
/** Up to `max` node ids, at least one. */
const nodeIds = (max: number) => z.array(nonEmpty()).check(z.minLength(1), z.maxLength(max));
/** Code or output of up to 4,000 characters. */
const code = (min: number) => z.string().check(z.minLength(min), z.maxLength(4000));

/** The tabs a step can open: `dock.<tab>` under the canvas, `side.<tab>` beside it. */
export const TAB_IDS = ['dock.step', 'dock.plots', 'dock.code', 'side.inspector', 'side.data', 'side.train', 'side.gradcheck'] as const;

/** One thing a lesson or a step does to the canvas before the learner starts. */
export const setupSchema = z.discriminatedUnion('do', [
  /** File → New: an empty graph (the one that was open stays in Recent). */
  z.strictObject({ do: z.literal('newGraph') }),
  /** Opens a shipped example (public/examples) as a new document. */
  z.strictObject({ do: z.literal('openExample'), file: z.string().check(z.regex(/^[a-z0-9-]+\.json$/)) }),
  /** Shows a tab of the dock or the side panel. */
  z.strictObject({ do: z.literal('openTab'), tab: z.enum(TAB_IDS) }),
  /** Selects a node by id (of the example the lesson opened). */
  z.strictObject({ do: z.literal('select'), node: nonEmpty() }),
  /** Puts this PyTorch code in the code panel as the learner's text, to run (it does not run it). */
  z.strictObject({ do: z.literal('showCode'), code: code(1) }),
  /** Loads a shipped copy of a course data file (public/data) into the Data panel, as Import does. */
  z.strictObject({ do: z.literal('loadData'), file: z.string().check(z.regex(/^[a-z0-9_-]+\.csv$/)) }),
]);
/** One set-up action. */
export type Setup = z.infer<typeof setupSchema>;

/** Code a step corresponds to in PyTorch, and what PyTorch prints when it runs. */
const pytorchSchema = z.strictObject({ code: code(1), output: code(0) });

/** One step: what to do, how it is judged, a hint for after a wrong attempt. */
const stepSchema = z.strictObject({
  text: textSchema,
  hint: textSchema,
  /** The data-testid of the control the step is about; it gets a highlight that does not block it. */
  point: z.optional(z.string().check(z.regex(/^[\w.-]+$/))),
  setup: z.optional(z.array(setupSchema).check(z.maxLength(8))),
  /** Ids of the nodes the step is about: when the lesson's graph cannot be shown whole beside the Lessons panel, the view centres on them. */
  focus: z.optional(nodeIds(20)),
  /** Every check must hold for the step to be done. */
  check: z.array(checkSchema).check(z.minLength(1), z.maxLength(8)),
  pytorch: z.optional(pytorchSchema),
});
/** One step of a lesson. */
export type LessonStep = z.infer<typeof stepSchema>;

/** A lesson file. */
export const lessonSchema = z.strictObject({
  /** The name in links: `#lesson=<id>/<step>`. */
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  /** Its place in the course (1 = functions and composite functions). */
  number: z.int().check(z.gte(1), z.lte(99)),
  title: textSchema,
  /** The goal in one line. */
  goal: textSchema,
  /** Done when the lesson starts from the list or a link. */
  setup: z.optional(z.array(setupSchema).check(z.maxLength(8))),
  /** Ids of the nodes the lesson is about, for the steps that name none (see a step's `focus`). */
  focus: z.optional(nodeIds(20)),
  steps: z.array(stepSchema).check(z.minLength(3), z.maxLength(8)),
});
/** A lesson, as validated. */
export type Lesson = z.infer<typeof lessonSchema>;
/** A lesson as a lesson file writes it (checked by the type checker before the schema sees it). */
export type LessonFile = z.input<typeof lessonSchema>;
