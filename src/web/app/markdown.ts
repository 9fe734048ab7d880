/**
 * A small, safe Markdown subset for author text (info hotspot bodies):
 * paragraphs, line breaks, **bold**, *italic* / _italic_, `- ` and `1. ` lists, and
 * [links](https://…). Output is built as DOM nodes, never as an HTML string, so nothing an
 * author writes can become markup or script; links other than http(s) and mailto stay text.
 */
import { h } from '../ui/dom.ts';

const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|\[([^\]]+)\]\(([^)\s]+)\)|\\([\\*_[\]()])/;

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

function appendInline(parent: HTMLElement, text: string): void {
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      parent.append(rest);
      return;
    }
    if (match.index > 0) parent.append(rest.slice(0, match.index));
    parent.appendChild(renderToken(match));
    rest = rest.slice(match.index + match[0].length);
  }
}

function renderToken(match: RegExpExecArray): Node {
  const [whole, bold, italic, underscored, label, url, escaped] = match;
  if (bold !== undefined) return withInline(h('strong'), bold);
  if (italic !== undefined) return withInline(h('em'), italic);
  if (underscored !== undefined) return withInline(h('em'), underscored);
  if (label !== undefined && url !== undefined) return renderLink(label, url, whole);
  return document.createTextNode(escaped ?? whole);
}

function renderLink(label: string, url: string, whole: string): Node {
  if (!SAFE_URL.test(url)) return document.createTextNode(whole);
  const link = h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' });
  return withInline(link, label);
}

function withInline(element: HTMLElement, text: string): HTMLElement {
  appendInline(element, text);
  return element;
}
