/**
 * The editor's formatting buttons as pure text changes: a text and its selection in, the
 * changed text and the new selection out. Kept apart from the DOM so the rules (what "bold"
 * writes, which addresses a link may have) are tested without a browser.
 */
import { isSafeLink } from './parse.ts';

export interface Edit {
  text: string;
  /** The selection, as indices into `text`. */
  start: number;
  end: number;
}

/**
 * Wraps the selection in `mark` (`**` bold, `*` italic), or unwraps it when it is already
 * wrapped. Spaces at the selection's edges stay outside the marks ("**word **" would not be
 * bold); with nothing selected, `placeholder` is written and selected, ready to be typed over.
 */
export function toggleWrap(edit: Edit, mark: '**' | '*', placeholder: string): Edit {
  let { start, end } = edit;
  const { text } = edit;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const before = text.slice(0, start);
  const after = text.slice(end);
  // "*" beside "**" is the edge of bold, not italic; "***" is both.
  const wrapped =
    before.endsWith(mark) &&
    after.startsWith(mark) &&
    (mark === '**' ||
      !(before.endsWith('**') && after.startsWith('**')) ||
      (before.endsWith('***') && after.startsWith('***')));
  if (wrapped) {
    return {
      text: before.slice(0, -mark.length) + text.slice(start, end) + after.slice(mark.length),
      start: start - mark.length,
      end: end - mark.length,
    };
  }
  const inner = start === end ? placeholder : text.slice(start, end);
  return {
    text: before + mark + inner + mark + after,
    start: start + mark.length,
    end: start + mark.length + inner.length,
  };
}

/**
 * Makes every line the selection touches a "- " list item, or, when all of them already are,
 * plain lines again. A list may follow a paragraph line directly, so nothing else is added.
 */
export function toggleList(edit: Edit, placeholder: string): Edit {
  const { text } = edit;
  const lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
  const nextBreak = text.indexOf('\n', Math.max(edit.end - (edit.end > edit.start ? 1 : 0), 0));
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const item = /^[ \t]*[-*+][ \t]+/;
  const allItems =
    lines.some((line) => item.test(line)) &&
    lines.every((line) => item.test(line) || line.trim() === '');
  const changed = allItems
    ? lines.map((line) => line.replace(item, ''))
    : lines.map((line) =>
        line.trim() === '' && lines.length > 1 ? line : `- ${line.replace(item, '')}`,
      );
  if (!allItems && changed.length === 1 && changed[0] === '- ') changed[0] = `- ${placeholder}`;
  const block = changed.join('\n');
  const out = text.slice(0, lineStart) + block + text.slice(lineEnd);
  // One empty line became "- mục": select the placeholder, ready to be typed over.
  if (!allItems && lines.length === 1 && lines[0]!.trim() === '') {
    return { text: out, start: lineStart + 2, end: lineStart + block.length };
  }
  return { text: out, start: lineStart, end: lineStart + block.length };
}

export type LinkAddress =
  { ok: true; url: string } | { ok: false; reason: 'empty' | 'spaces' | 'unsafe' };

/**
 * What an author typed as a link's address, as the address the link will have: "baotang.vn"
 * gets https://, "ten@thu.vn" gets mailto:; any scheme but http(s) and mailto is refused (the
 * viewer would show such a link as plain text anyway).
 */
export function linkAddress(typed: string): LinkAddress {
  const address = typed.trim();
  if (address === '') return { ok: false, reason: 'empty' };
  if (/\s/.test(address)) return { ok: false, reason: 'spaces' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1];
  // "baotang.vn:8080/…" is a host and port, not a scheme.
  const hasScheme = scheme !== undefined && !scheme.includes('.');
  let url = address;
  if (!hasScheme) {
    if (address.startsWith('//')) url = `https:${address}`;
    else if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(address)) url = `mailto:${address}`;
    // A host name ("baotang.vn", "www.a.vn:8080/…"); a path such as "/a" or "../b" is not.
    else if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}(?=$|[/:?#])/u.test(address)) {
      url = `https://${address}`;
    } else return { ok: false, reason: 'unsafe' };
  }
  if (!isSafeLink(url)) return { ok: false, reason: 'unsafe' };
  // A ")" would end the Markdown address early.
  return { ok: true, url: url.replace(/\(/g, '%28').replace(/\)/g, '%29') };
}

/**
 * Writes `[label](url)` over the selection: the selected words become the link's text (the
 * address itself when nothing is selected). The new link is selected.
 */
export function insertLink(edit: Edit, url: string): Edit {
  const { text } = edit;
  const selected = text.slice(edit.start, edit.end).trim();
  const label = (selected || url).replace(/[[\]\\]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
  const link = `[${label}](${url})`;
  return {
    text: text.slice(0, edit.start) + link + text.slice(edit.end),
    start: edit.start,
    end: edit.start + link.length,
  };
}
