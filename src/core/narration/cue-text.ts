/**
 * The text of a WebVTT cue as a visitor reads it, on its own so the viewer can use it without
 * the caption reader's problem catalogue. Pure: no DOM.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

/**
 * A cue's text as a visitor reads it: cue markup (`<b>`, `<i>`, `<v Speaker>`, `<c.class>`,
 * inline times) dropped, then entities decoded (`&amp;` → `&`, `&lt;img&gt;` → `<img>`), to be
 * shown as text (textContent), never as markup. The viewer calls this on the browser's raw
 * `VTTCue.text`. A tag ends at the next `>` or before the next `<`, so a hostile cue of many
 * `<` is read in one pass.
 */
export function cuePlainText(raw: string): string {
  return decodeEntities(raw.replace(/<[^<>]*>/g, ''));
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
