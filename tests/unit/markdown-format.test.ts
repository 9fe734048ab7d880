// The editor's formatting buttons (bold, italic, list, link) as text changes, and what they
// write reads back as intended through the same parser the viewer uses.
import { describe, expect, it } from 'vitest';
import {
  insertLink,
  linkAddress,
  toggleList,
  toggleWrap,
  type Edit,
} from '../../src/core/markdown/format.ts';
import { parseMarkdown } from '../../src/core/markdown/parse.ts';

/** `text` with the selection marked by "[" and "]" (test inputs contain neither). */
function sel(marked: string): Edit {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), start, end };
}
const show = (edit: Edit) =>
  `${edit.text.slice(0, edit.start)}[${edit.text.slice(edit.start, edit.end)}]${edit.text.slice(edit.end)}`;

describe('bold and italic', () => {
  it('wraps the selection, keeping edge spaces outside, and unwraps it again', () => {
    const bold = toggleWrap(sel('Đình [làng ]cổ'), '**', 'chữ đậm');
    expect(show(bold)).toBe('Đình **[làng]** cổ');
    expect(show(toggleWrap(bold, '**', 'chữ đậm'))).toBe('Đình [làng] cổ');
    expect(parseMarkdown(bold.text)[0]).toMatchObject({
      children: [{ text: 'Đình ' }, { type: 'strong' }, { text: ' cổ' }],
    });
  });

  it('writes a selected placeholder when nothing is selected', () => {
    expect(show(toggleWrap(sel('A []B'), '*', 'chữ nghiêng'))).toBe('A *[chữ nghiêng]*B');
  });

  it('makes bold text also italic (and back), which the viewer shows as both', () => {
    const both = toggleWrap(sel('**[làng]**'), '*', 'x');
    expect(show(both)).toBe('***[làng]***');
    expect(parseMarkdown(both.text)[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'em', children: [{ type: 'strong', children: [{ type: 'text', text: 'làng' }] }] },
      ],
    });
    expect(show(toggleWrap(both, '*', 'x'))).toBe('**[làng]**');
  });
});

describe('list', () => {
  it('turns the touched lines into items right under a paragraph line, and back', () => {
    const list = toggleList(sel('Trên bia ghi:\n[một\nhai]'), 'mục');
    expect(list.text).toBe('Trên bia ghi:\n- một\n- hai');
    expect(parseMarkdown(list.text).map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(toggleList(list, 'mục').text).toBe('Trên bia ghi:\nmột\nhai');
  });

  it('starts an item on an empty line with a selected placeholder', () => {
    expect(show(toggleList(sel('Giá vé:\n[]'), 'mục'))).toBe('Giá vé:\n- [mục]');
  });
});

describe('link', () => {
  it.each([
    ['https://baotang.vn/a', 'https://baotang.vn/a'],
    ['  baotang.vn/bia  ', 'https://baotang.vn/bia'],
    ['baotang.vn:8080/x', 'https://baotang.vn:8080/x'],
    ['lienhe@baotang.vn', 'mailto:lienhe@baotang.vn'],
    ['mailto:lienhe@baotang.vn', 'mailto:lienhe@baotang.vn'],
    ['https://vi.wikipedia.org/wiki/Chùa_(Huế)', 'https://vi.wikipedia.org/wiki/Chùa_%28Huế%29'],
  ])('accepts %j as %j', (typed, url) => {
    expect(linkAddress(typed)).toEqual({ ok: true, url });
  });

  it.each([
    ['javascript:alert(1)', 'unsafe'],
    ['JavaScript:alert(1)', 'unsafe'],
    ['data:text/html,x', 'unsafe'],
    ['file:///etc/passwd', 'unsafe'],
    ['', 'empty'],
    ['https://a.vn/b c', 'spaces'],
  ])('refuses %j (%s)', (typed, reason) => {
    expect(linkAddress(typed)).toEqual({ ok: false, reason });
  });

  it('links the selected words, or shows the address when nothing is selected', () => {
    const linked = insertLink(sel('Trên [bia] ghi'), 'https://baotang.vn');
    expect(linked.text).toBe('Trên [bia](https://baotang.vn) ghi');
    expect(parseMarkdown(linked.text)[0]).toMatchObject({
      children: [{ text: 'Trên ' }, { type: 'link', href: 'https://baotang.vn' }, { text: ' ghi' }],
    });
    expect(insertLink(sel('A []'), 'https://a.vn').text).toBe('A [https://a.vn](https://a.vn)');
    // A "]" in the words would end the link's text early: it is escaped.
    const bracket = insertLink({ text: 'Bia [1]', start: 0, end: 7 }, 'https://a.vn');
    expect(parseMarkdown(bracket.text)[0]).toMatchObject({
      children: [{ type: 'link', children: [{ type: 'text', text: 'Bia [1]' }] }],
    });
  });
});
