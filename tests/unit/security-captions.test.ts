// @vitest-environment happy-dom
/**
 * Issue 21, finding 6: live captions showed a cue's raw text (`&lt;img …&gt;`, `&amp;`,
 * `<b>`, `<v Speaker>`). The player now shows what a visitor should read, as text only.
 */
import { describe, expect, it } from 'vitest';
import { NarrationPlayer } from '../../src/web/narration/narration-player.ts';

/** What the browser hands over on `cuechange`: the cues' raw text, markup included. */
function showCues(player: NarrationPlayer, texts: string[]): void {
  const track = { activeCues: texts.map((text) => ({ text })) } as unknown as TextTrack;
  // The player's own handler of the track's cuechange event (not reachable without a media
  // pipeline in happy-dom).
  (player as unknown as { onCueChange(track: TextTrack): void }).onCueChange(track);
}

describe('live captions', () => {
  it('decode entities and drop cue markup, and add no element', () => {
    const player = new NarrationPlayer({
      label: (key) => key,
      onTranscript: () => {},
      assetUrl: (path) => path,
    });
    showCues(player, [
      '<v Hướng dẫn viên><b>Đền</b> &amp; chùa',
      '&lt;img src=x onerror="window.__xss=1"&gt; <c.red>đỏ</c> <i>nghiêng</i>',
    ]);
    expect(player.captions.textContent).toBe(
      'Đền & chùa\n<img src=x onerror="window.__xss=1"> đỏ nghiêng',
    );
    expect(player.captions.children.length).toBe(0);
    expect(player.captions.hidden).toBe(false);
  });
});
