// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/web/ui/markdown.ts';

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

  it('renders a list right after a paragraph line, and an ordered list keeps its start', () => {
    expect(html('Trên bia ghi:\n- một\n- hai')).toBe(
      '<p>Trên bia ghi:</p><ul><li>một</li><li>hai</li></ul>',
    );
    expect(html('3. ba\n4. bốn')).toBe('<ol start="3"><li>ba</li><li>bốn</li></ol>');
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

describe('renderMarkdown on hostile input (issue 21)', () => {
  // Inputs of 40,000 characters that pair nothing: a backtracking renderer rescans the rest of
  // the line from every mark (0.9 s for the first); a linear one reads each character once.
  // (Inputs that make thousands of elements are slow in happy-dom's DOM, not in the renderer.)
  it.each([
    ['40,000 "["', '['.repeat(40_000)],
    ['10,000 "[a]("', '[a]('.repeat(10_000)],
    ['"**" and 40,000 letters', `**${'a'.repeat(40_000)}`],
    ['"_" and 40,000 letters', `_${'a'.repeat(40_000)}`],
    ['"[" and 40,000 letters', `[${'a'.repeat(40_000)}]`],
    ['10,000 "[a](b "', '[a](b '.repeat(10_000)],
  ])('renders %s in linear time (< 50 ms), as text', (_, source) => {
    // Warm the JIT on a quarter of the input, then keep the best of three runs: the time
    // measured is the algorithm's, not that of other processes on a busy machine.
    renderMarkdown(source.slice(0, source.length / 4));
    let elapsed = Infinity;
    let fragment = renderMarkdown('');
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      fragment = renderMarkdown(source);
      elapsed = Math.min(elapsed, performance.now() - start);
    }
    const host = document.createElement('div');
    host.appendChild(fragment);
    expect(elapsed).toBeLessThan(50);
    expect(host.textContent).toBe(source.trim());
  });

  it('still pairs marks across a long line', () => {
    expect(html(`**${'x'.repeat(5000)}** [a](https://b) _c_ \\[d]`)).toBe(
      `<p><strong>${'x'.repeat(5000)}</strong> <a href="https://b" target="_blank" rel="noopener noreferrer">a</a> <em>c</em> [d]</p>`,
    );
  });
});
