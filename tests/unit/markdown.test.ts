// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/web/app/markdown.ts';

function html(source: string): string {
  const host = document.createElement('div');
  host.appendChild(renderMarkdown(source));
  return host.innerHTML;
}

describe('renderMarkdown (safe subset)', () => {
  it('renders paragraphs, line breaks, emphasis and lists', () => {
    expect(html('**Đình** làng *cổ*\ndòng hai\n\n- một\n- hai\n\n1. first\n2. second')).toBe(
      '<p><strong>Đình</strong> làng <em>cổ</em><br>dòng hai</p><ul><li>một</li><li>hai</li></ul><ol><li>first</li><li>second</li></ol>',
    );
  });

  it('renders safe links opening outside, with noopener', () => {
    expect(html('[Bảo tàng](https://baotang.example.vn/a?b=1)')).toBe(
      '<p><a href="https://baotang.example.vn/a?b=1" target="_blank" rel="noopener noreferrer">Bảo tàng</a></p>',
    );
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '**<b onclick="alert(1)">x</b>**',
  ])('never turns author text into markup: %s', (source) => {
    const host = document.createElement('div');
    host.appendChild(renderMarkdown(source));
    expect(host.querySelector('script, img, iframe, b, [onclick], [onerror]')).toBeNull();
    expect(host.textContent).toContain('<');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    '/relative',
  ])('keeps a link to %s as plain text', (url) => {
    const host = document.createElement('div');
    host.appendChild(renderMarkdown(`[click](${url})`));
    expect(host.querySelector('a')).toBeNull();
    expect(host.textContent).toBe(`[click](${url})`);
  });

  it('honours backslash escapes', () => {
    expect(html('2 \\* 3 \\* 4')).toBe('<p>2 * 3 * 4</p>');
  });
});
