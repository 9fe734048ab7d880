/**
 * The Markdown subset of author text (info bodies, descriptions), parsed to a small tree that
 * the viewer, the editor's preview and the tests share, so what an author sees is what a
 * visitor sees. It follows CommonMark for what it supports:
 * - paragraphs, separated by a blank line;
 * - bullet lists (`-`, `*`, `+`) and ordered lists (`1.`, `1)`), which may follow a paragraph
 *   line directly; an ordered list does so only when it starts at 1 (so "năm\n1945. …" stays
 *   one paragraph); a new marker kind starts a new list; a line that is not an item continues
 *   the item above (CommonMark's "lazy continuation");
 * - `**strong**`, `*em*` / `_em_`, `[links](https://…)`, backslash escapes of punctuation.
 * One deliberate departure: a single line break inside a paragraph or an item is kept as a
 * line break (CommonMark joins the lines with a space), because authors expect the text to
 * keep the lines they typed. Headings, quotes, code, images, HTML and nested lists are not in
 * the subset: their marks stay plain text (a nested item joins its parent list).
 * Link addresses are kept only for http(s) and mailto; any other link stays text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: false; items: Inline[][] }
  | { type: 'list'; ordered: true; start: number; items: Inline[][] };

/** The schemes a link may use: anything else (javascript:, data:, relative paths) is text. */
export const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export const isSafeLink = (url: string): boolean => SAFE_LINK.test(url);

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source).map((block) =>
    block.kind === 'paragraph'
      ? { type: 'paragraph', children: parseInline(joinLines(block.lines)) }
      : block.ordered
        ? { type: 'list', ordered: true, start: block.start, items: itemsOf(block) }
        : { type: 'list', ordered: false, items: itemsOf(block) },
  );
}

const itemsOf = (list: ListDraft): Inline[][] =>
  list.items.map((lines) => parseInline(joinLines(lines)));

/** A link the viewer shows as plain text, because its address is not http(s) or mailto. */
export interface RefusedLink {
  label: string;
  url: string;
}

/** The links of `source` that visitors will see as text (for the validator's warning). */
export function refusedLinks(source: string): RefusedLink[] {
  const refused: RefusedLink[] = [];
  for (const block of parseBlocks(source)) {
    const texts = block.kind === 'paragraph' ? [block.lines] : block.items;
    for (const lines of texts) parseInline(joinLines(lines), refused);
  }
  return refused;
}

// ---- Blocks -------------------------------------------------------------------------------

interface ParagraphDraft {
  kind: 'paragraph';
  lines: string[];
}

interface ListDraft {
  kind: 'list';
  ordered: boolean;
  /** The bullet character or the ordered delimiter: another one starts another list. */
  marker: string;
  start: number;
  items: string[][];
  /** A blank line was seen after the last item: only a new item continues the list. */
  blank: boolean;
}

interface ItemStart {
  ordered: boolean;
  marker: string;
  start: number;
  content: string;
}

// A marker, then at least one space, then some text: "-" or "-x" alone is text.
const BULLET = /^([ \t]*)([-*+])[ \t]+(\S.*)$/;
const ORDERED = /^([ \t]*)(\d{1,9})([.)])[ \t]+(\S.*)$/;
// "***", "- - -", "___": a thematic break in CommonMark; not in the subset, so it stays text
// (and is not read as a list item).
const THEMATIC = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

function itemStart(line: string, inList: boolean): ItemStart | undefined {
  if (THEMATIC.test(line)) return undefined;
  const bullet = BULLET.exec(line);
  const ordered = bullet ? null : ORDERED.exec(line);
  const indent = (bullet ?? ordered)?.[1] ?? '';
  // Four spaces before a marker outside a list is an indented code block in CommonMark, not
  // a list: it stays text. Inside a list, an indented (nested) item joins the list.
  if (!inList && indent.replace(/\t/g, '    ').length > 3) return undefined;
  if (bullet) return { ordered: false, marker: bullet[2]!, start: 1, content: bullet[3]! };
  if (ordered) {
    return {
      ordered: true,
      marker: ordered[3]!,
      start: Number(ordered[2]),
      content: ordered[4]!,
    };
  }
  return undefined;
}

function parseBlocks(source: string): Array<ParagraphDraft | ListDraft> {
  const blocks: Array<ParagraphDraft | ListDraft> = [];
  let paragraph: ParagraphDraft | undefined;
  let list: ListDraft | undefined;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      paragraph = undefined;
      if (list) list.blank = true;
      continue;
    }
    const item = itemStart(line, list !== undefined);
    if (list && item && item.ordered === list.ordered && item.marker === list.marker) {
      list.items.push([item.content]);
      list.blank = false;
      continue;
    }
    // Text right under an item continues it, and so does an ordered item not starting at 1
    // (it may not interrupt the item's paragraph), unless a blank line came between.
    const interrupts = item !== undefined && (!item.ordered || item.start === 1);
    if (list && !list.blank && !interrupts) {
      list.items[list.items.length - 1]!.push(line);
      continue;
    }
    if (item && (interrupts || !paragraph)) {
      paragraph = undefined;
      list = {
        kind: 'list',
        ordered: item.ordered,
        marker: item.marker,
        start: item.start,
        items: [[item.content]],
        blank: false,
      };
      blocks.push(list);
      continue;
    }
    list = undefined;
    if (paragraph) paragraph.lines.push(line);
    else {
      paragraph = { kind: 'paragraph', lines: [line] };
      blocks.push(paragraph);
    }
  }
  return blocks;
}

/**
 * A block's lines as one text with "\n" for the kept line breaks: leading and trailing
 * spaces go (as in CommonMark), and so does a backslash ending a line (CommonMark's hard
 * line break mark; every break is hard here).
 */
function joinLines(lines: string[]): string {
  return lines
    .map((line, index) => {
      const trimmed = line.trim();
      return index < lines.length - 1 && trimmed.endsWith('\\') && !trimmed.endsWith('\\\\')
        ? trimmed.slice(0, -1).trimEnd()
        : trimmed;
    })
    .join('\n');
}

// ---- Inlines ------------------------------------------------------------------------------

/**
 * Inline spans in one pass. Each opening mark looks for its closing mark with a table of "next
 * position of this mark" made once per block (`Marks`), so no text is scanned twice: hostile
 * input (40,000 `[`, thousands of `**` or `[a](`) parses in time linear in its length,
 * where a backtracking regular expression took seconds.
 */
export function parseInline(text: string, refused?: RefusedLink[]): Inline[] {
  const out: Inline[] = [];
  appendRange(out, text, new Marks(text), 0, text.length, refused);
  return out;
}

/** CommonMark lets any ASCII punctuation be escaped with a backslash. */
const ESCAPABLE = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

function appendRange(
  out: Inline[],
  text: string,
  marks: Marks,
  from: number,
  to: number,
  refused?: RefusedLink[],
) {
  let plain = from; // start of the text not yet appended
  let i = from;
  while (i < to) {
    const span = text[i] === '\n' ? BREAK : spanAt(text, marks, i, to);
    if (!span) {
      i++;
      continue;
    }
    if (i > plain) pushText(out, text.slice(plain, i));
    if (span.kind === 'break') {
      out.push({ type: 'break' });
      i = plain = i + 1;
      continue;
    }
    if (span.kind === 'escape') pushText(out, text[span.innerFrom]!);
    else if (span.kind === 'link' && !isSafeLink(span.url!)) {
      pushText(out, text.slice(span.start, span.end));
      refused?.push({ label: text.slice(span.innerFrom, span.innerTo), url: span.url! });
    } else {
      const children: Inline[] = [];
      appendRange(children, text, marks, span.innerFrom, span.innerTo, refused);
      out.push(
        span.kind === 'link'
          ? { type: 'link', href: span.url!, children }
          : { type: span.kind, children },
      );
    }
    i = plain = span.end;
  }
  if (to > plain) pushText(out, text.slice(plain, to));
}

/** Adjacent text joins one node (an escape is text too). */
function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** `at` when it is a position before `to`, else -1. (No closure: this runs per character.) */
const before = (at: number, to: number): number => (at >= 0 && at < to ? at : -1);

interface Span {
  kind: 'strong' | 'em' | 'link' | 'escape' | 'break';
  /** The inner text (label of a link, the character of an escape). */
  innerFrom: number;
  innerTo: number;
  url?: string;
  /** Index after the span's last character. */
  end: number;
  start: number;
}

const BREAK: Span = { kind: 'break', start: 0, innerFrom: 0, innerTo: 0, end: 0 };

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * The span that starts at `i` and closes before `to`, if any. As in CommonMark, an opening
 * `*`/`_` is followed by a non-space and a closing one follows a non-space ("2 * 3 * 4" is
 * text), and `_` does not open or close inside a word (snake_case_name is text).
 */
function spanAt(text: string, marks: Marks, i: number, to: number): Span | undefined {
  const c = text[i];
  if (c === '*') {
    // "***a***": emphasis around strong (what "bold" then "italic" writes).
    if (text[i + 1] === '*' && text[i + 2] === '*' && !isSpace(text[i + 3])) {
      const close = before(marks.next('***', i + 4), to);
      if (close >= 0)
        return { kind: 'em', start: i, innerFrom: i + 1, innerTo: close + 2, end: close + 3 };
    }
    if (text[i + 1] === '*' && !isSpace(text[i + 2])) {
      const close = before(marks.next('**', i + 3), to);
      if (close >= 0)
        return { kind: 'strong', start: i, innerFrom: i + 2, innerTo: close, end: close + 2 };
    }
    if (isSpace(text[i + 1])) return undefined;
    const close = before(marks.next('*', i + 2), to);
    if (close >= 0)
      return { kind: 'em', start: i, innerFrom: i + 1, innerTo: close, end: close + 1 };
  } else if (c === '_') {
    if (isSpace(text[i + 1]) || isWordChar(text[i - 1])) return undefined;
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

type Mark = '***' | '**' | '*' | '_' | ']' | ')' | ' ';

/**
 * Where each mark next occurs, for any position: one backward pass per mark, made when first
 * asked. `' '` stands for any white space (an address ends there). `**`, `*` and `_` are
 * closing marks: after a non-space; a lone `*` (so `*a **b** c*` closes at the last one); a
 * `_` not followed by a letter or digit.
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
      table[i] = isMark(text, mark, i) ? i : table[i + 1]!;
    }
    return table;
  }
}

function isMark(text: string, mark: Mark, i: number): boolean {
  const c = text[i];
  const prev = text[i - 1];
  // An escaped mark (`\*`) is text, never a closing mark.
  const closes = !isSpace(prev) && prev !== '\\';
  switch (mark) {
    case '***':
      return c === '*' && text[i + 1] === '*' && text[i + 2] === '*' && closes;
    case '**':
      return c === '*' && text[i + 1] === '*' && closes;
    case '*':
      return c === '*' && prev !== '*' && text[i + 1] !== '*' && closes;
    case '_':
      return c === '_' && closes && !isWordChar(text[i + 1]);
    case ']':
      return c === ']' && prev !== '\\';
    case ' ':
      return isSpace(c);
    default:
      return c === mark;
  }
}
