// Share links: the graph file deflated into the address's hash. Loaded on first use (a share
// link opened at start, the Share button), keeping the compression library out of the first screen.
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { type FileError, formatCount, type GraphFile, MAX_FILE_CHARS, serializeGraphFile } from '../../engine';
import { isShareHash, openPageText, type PageOpenResult, refuseFromOutside, SHARE_PREFIX } from './persistence';

/** A share link's hash: the graph file, deflated and base64url-encoded. */
export function encodeShare(doc: GraphFile): string {
  const bytes = deflateSync(strToU8(serializeGraphFile(doc)), { level: 9 });
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return SHARE_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** How many input bytes the bounded inflater takes at a time: at most about a megabyte of output per step. */
const INFLATE_STEP = 1024;

/**
 * The text a share link carries, decompressed with a cap: a link that would inflate past
 * `maxBytes` (a zip bomb) is refused before more than one step beyond the cap is held.
 */
export function shareText(hash: string, maxBytes = MAX_FILE_CHARS): { readonly text: string } | { readonly errors: readonly FileError[] } | null {
  if (!isShareHash(hash)) return null;
  const damaged = { errors: [{ path: '', message: 'the link is damaged: it could not be decompressed (it may have been cut short when copied)' }] };
  const b64 = hash.slice(SHARE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length > maxBytes) return { errors: [{ path: '', message: `the link is ${formatCount(b64.length)} characters long; GradCanvas opens up to ${formatCount(maxBytes)}` }] };
  let bytes: Uint8Array;
  try {
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return damaged;
  }
  if (bytes.length === 0) return damaged;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxBytes) tooBig = true;
      else chunks.push(chunk);
    });
    for (let i = 0; i < bytes.length && !tooBig; i += INFLATE_STEP) inflater.push(bytes.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= bytes.length);
  } catch {
    return damaged;
  }
  if (tooBig) return { errors: [{ path: '', message: `the link unpacks to more than ${formatCount(maxBytes)} bytes; GradCanvas opens documents of up to ${formatCount(maxBytes)} characters` }] };
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(joined) };
  } catch {
    return damaged;
  }
}

/** The graph in a share link's hash, opened as the page opens any text; null when the hash is not a share link. */
export function decodeShare(hash: string): PageOpenResult | null {
  const r = shareText(hash);
  if (r === null) return null;
  return 'text' in r ? refuseFromOutside(openPageText(r.text)) : { ok: false, errors: r.errors };
}

/** The full share link of a graph for a page at `origin + pathname`. */
export function shareLink(doc: GraphFile, where: { origin: string; pathname: string }): string {
  return `${where.origin}${where.pathname}${encodeShare(doc)}`;
}
