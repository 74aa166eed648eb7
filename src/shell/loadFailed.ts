import type { Notice } from '../session/types';
import { technicalText } from '../store/persistence';
import { msg } from '../i18n/words';

/** The notice when code loaded on first use (auto-layout, share links, CSV reading) could not be downloaded; nothing was changed. */
export function loadFailedNotice(e: unknown): Notice {
  return { kind: 'error', text: msg('shell.notice.loadFailed'), technical: technicalText(e) };
}
