import { fileErrorLines } from '../i18n/problemText';
import type { Language } from '../i18n/language';
import { wordsText } from '../i18n/words';
import type { Notice } from '../session/types';

/** A notice as it reads in one language. */
export interface WordedNotice {
  readonly kind: Notice['kind'];
  readonly text: string;
  /** One line each, a file's findings included; absent when there are none. */
  readonly details?: readonly string[];
  readonly technical?: string;
}

/** What a notice says in `lang`: its sentence, its detail lines (a file's findings one per line) and its folded technical text. */
export function noticeText(lang: Language, notice: Notice): WordedNotice;
export function noticeText(lang: Language, notice: Notice | null): WordedNotice | null;
export function noticeText(lang: Language, notice: Notice | null): WordedNotice | null {
  if (!notice) return null;
  const details: string[] = [];
  const technical: string[] = [];
  for (const d of notice.details ?? []) {
    if (typeof d === 'object' && 'problems' in d) {
      const lines = fileErrorLines(lang, d.problems);
      details.push(...lines.details);
      if (lines.technical) technical.push(lines.technical);
    } else details.push(wordsText(lang, d));
  }
  if (notice.technical) technical.push(notice.technical);
  const folded = technical.join('\n\n');
  return { kind: notice.kind, text: wordsText(lang, notice.text), ...(details.length > 0 ? { details } : {}), ...(folded ? { technical: folded } : {}) };
}
