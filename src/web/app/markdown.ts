/**
 * A small, safe Markdown subset for author text (info hotspot bodies):
 * paragraphs, line breaks, **bold**, *italic* / _italic_, `- ` and `1. ` lists, and
 * [links](https://…). Output is built as DOM nodes, never as an HTML string, so nothing an
 * author writes can become markup or script; links other than http(s) and mailto stay text.
 */
import { h } from '../ui/dom.ts';

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export function renderMarkdown(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of splitBlocks(source)) fragment.appendChild(renderBlock(block));
  return fragment;
}

function splitBlocks(source: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function renderBlock(lines: string[]): HTMLElement {
  if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
    return renderList('ul', lines, /^\s*[-*]\s+/);
  }
  if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) {
    return renderList('ol', lines, /^\s*\d+[.)]\s+/);
  }
  const paragraph = h('p');
  lines.forEach((line, index) => {
    if (index > 0) paragraph.appendChild(h('br'));
    appendInline(paragraph, line.trim());
  });
  return paragraph;
}

function renderList(tag: 'ul' | 'ol', lines: string[], marker: RegExp): HTMLElement {
  const list = h(tag);
  for (const line of lines) {
    const item = h('li');
    appendInline(item, line.replace(marker, '').trim());
    list.appendChild(item);
  }
  return list;
}

/**
 * Inline spans in one pass. Each opening mark looks for its closing mark with a table of "next
 * position of this mark" made once per line (`Marks`), so no text is scanned twice: hostile
 * input (40,000 `[`, thousands of `**` or `[a](`) renders in time linear in its length,
 * where a backtracking regular expression took seconds.
 */
function appendInline(parent: HTMLElement, text: string): void {
  appendRange(parent, text, new Marks(text), 0, text.length);
}

const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')']);

function appendRange(parent: HTMLElement, text: string, marks: Marks, from: number, to: number) {
  let plain = from; // start of the text not yet appended
  let i = from;
  while (i < to) {
    const span = spanAt(text, marks, i, to);
    if (!span) {
      i++;
      continue;
    }
    if (i > plain) parent.append(text.slice(plain, i));
    parent.appendChild(renderSpan(text, marks, span));
    i = plain = span.end;
  }
  if (to > plain) parent.append(text.slice(plain, to));
}

/** `at` when it is a position before `to`, else -1. (No closure: this runs per character.) */
const before = (at: number, to: number): number => (at >= 0 && at < to ? at : -1);

interface Span {
  kind: 'strong' | 'em' | 'link' | 'escape';
  /** The inner text (label of a link, the character of an escape). */
  innerFrom: number;
  innerTo: number;
  url?: string;
  /** Index after the span's last character. */
  end: number;
  start: number;
}

/** The span that starts at `i` and closes before `to`, if any (the old regex's priorities). */
function spanAt(text: string, marks: Marks, i: number, to: number): Span | undefined {
  const c = text[i];
  if (c === '*') {
    if (text[i + 1] === '*') {
      const close = before(marks.next('**', i + 3), to);
      if (close >= 0)
        return { kind: 'strong', start: i, innerFrom: i + 2, innerTo: close, end: close + 2 };
    }
    const close = before(marks.next('*', i + 2), to);
    if (close >= 0)
      return { kind: 'em', start: i, innerFrom: i + 1, innerTo: close, end: close + 1 };
  } else if (c === '_') {
    const close = before(marks.next('_', i + 2), to);
    if (close >= 0)
      return { kind: 'em', start: i, innerFrom: i + 1, innerTo: close, end: close + 1 };
  } else if (c === '[') {
    const close = before(marks.next(']', i + 2), to);
    if (close < 0 || text[close + 1] !== '(') return undefined;
    // The address: no ")" and no white space, then ")".
    const urlEnd = before(marks.next(')', close + 2), to);
    const gap = marks.next(' ', close + 2);
    if (urlEnd <= close + 2 || (gap >= 0 && gap < urlEnd)) return undefined;
    const url = text.slice(close + 2, urlEnd);
    return { kind: 'link', start: i, innerFrom: i + 1, innerTo: close, url, end: urlEnd + 1 };
  } else if (c === '\\' && i + 1 < to && ESCAPABLE.has(text[i + 1]!)) {
    return { kind: 'escape', start: i, innerFrom: i + 1, innerTo: i + 2, end: i + 2 };
  }
  return undefined;
}

function renderSpan(text: string, marks: Marks, span: Span): Node {
  if (span.kind === 'escape') return document.createTextNode(text[span.innerFrom]!);
  if (span.kind === 'link') {
    if (!SAFE_URL.test(span.url!)) return document.createTextNode(text.slice(span.start, span.end));
    const link = h('a', { href: span.url!, target: '_blank', rel: 'noopener noreferrer' });
    appendRange(link, text, marks, span.innerFrom, span.innerTo);
    return link;
  }
  const element = h(span.kind);
  appendRange(element, text, marks, span.innerFrom, span.innerTo);
  return element;
}

type Mark = '**' | '*' | '_' | ']' | ')' | ' ';

/**
 * Where each mark next occurs, for any position: one backward pass per mark, made when first
 * asked. `' '` stands for any white space (an address ends there).
 */
class Marks {
  private readonly tables = new Map<Mark, Int32Array>();

  constructor(private readonly text: string) {}

  /** The first index ≥ `from` where `mark` starts, or -1. */
  next(mark: Mark, from: number): number {
    if (from >= this.text.length) return -1;
    let table = this.tables.get(mark);
    if (!table) {
      table = this.build(mark);
      this.tables.set(mark, table);
    }
    return table[from]!;
  }

  private build(mark: Mark): Int32Array {
    const text = this.text;
    const table = new Int32Array(text.length + 1);
    table[text.length] = -1;
    for (let i = text.length - 1; i >= 0; i--) {
      const hit =
        mark === '**'
          ? text[i] === '*' && text[i + 1] === '*'
          : mark === ' '
            ? /\s/.test(text[i]!)
            : text[i] === mark;
      table[i] = hit ? i : table[i + 1]!;
    }
    return table;
  }
}
