/** What a `#lesson=<id>/<step>` address says. */
export type LessonLink = { readonly kind: 'lesson'; readonly id: string; readonly step: number } | { readonly kind: 'bad'; readonly text: string };

const PREFIX = '#lesson=';
/** Longest link text repeated back in a message. */
const SHOWN = 40;

/** Whether a hash is a lesson link at all (well-formed or not). */
export function isLessonHash(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

/** The link a lesson step is shared by. */
export function lessonHash(id: string, step: number): string {
  return `${PREFIX}${id}/${step}`;
}

/** Reads a lesson link; null when the hash is not one. The step defaults to 1. */
export function parseLessonLink(hash: string): LessonLink | null {
  if (!isLessonHash(hash)) return null;
  let body: string;
  try {
    body = decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    body = hash.slice(PREFIX.length);
  }
  const m = /^([a-z][a-z0-9-]{0,39})(?:\/([1-9][0-9]?))?$/.exec(body);
  if (!m) return { kind: 'bad', text: shown(body) };
  return { kind: 'lesson', id: m[1], step: m[2] ? Number(m[2]) : 1 };
}

/** Link text safe to repeat in a message: printable, and cut short. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > SHOWN ? `${clean.slice(0, SHOWN)}…` : clean;
}
