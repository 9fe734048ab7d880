import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/core/import/common.ts';
import { parseMarkdown } from '../../src/core/markdown/parse.ts';

describe("another tool's HTML lists", () => {
  it('become list lines the viewer shows as a list', () => {
    const { text } = htmlToMarkdown(
      '<p>Trên bia ghi:</p><ul><li>một</li>\n  <li><b>hai</b> ba</li></ul><p>Hết.</p>',
    );
    expect(text).toBe('Trên bia ghi:\n\n- một\n- **hai** ba\n\nHết.');
    expect(JSON.stringify(parseMarkdown(text))).toContain('"list"');
  });

  it('keep their numbers when ordered, and flatten a list inside a list', () => {
    expect(htmlToMarkdown('<ol><li>a</li><li>b</li></ol>').text).toBe('1. a\n2. b');
    expect(htmlToMarkdown('<ul><li>a<ul><li>b</li></ul></li></ul>').text).toContain('- a');
  });
});
