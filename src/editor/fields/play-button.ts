/**
 * "Nghe" / "Play": hear a sound of the tour inside the editor, with pause and the time played.
 * espeak-ng's Vietnamese is robotic: the author must hear a generated reading before
 * publishing it. One sound plays at a time.
 */
import { h } from '../../web/ui/dom.ts';
import { mediaUrl } from '../narration.ts';
import type { EditorStore } from '../store.ts';

const clock = (seconds: number): string => {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

export function playButton(store: EditorStore, relative: string, testId: string): HTMLElement {
  const t = store.t;
  const audio = h('audio', {
    preload: 'metadata',
    src: mediaUrl(store, relative),
    'data-testid': `${testId}-audio`,
  });
  const icon = h('span', { class: 'ed-play-icon', 'aria-hidden': 'true' });
  const label = h('span', {});
  const button = h(
    'button',
    { type: 'button', class: 'ed-play', 'data-testid': testId },
    icon,
    label,
  );
  const time = h('span', { class: 'ed-time' });
  const showState = () => {
    const playing = !audio.paused && !audio.ended;
    icon.className = playing ? 'ed-play-icon pause' : 'ed-play-icon';
    label.textContent = playing ? t('narrationPause') : t('narrationPlay');
  };
  const showTime = () => {
    const total = audio.duration;
    time.textContent = Number.isFinite(total)
      ? `${clock(audio.currentTime)} / ${clock(total)}`
      : '';
  };
  showState();
  button.addEventListener('click', () => {
    if (!audio.paused) return audio.pause();
    for (const other of document.querySelectorAll('audio')) if (other !== audio) other.pause();
    audio.play().catch(() => undefined);
  });
  for (const event of ['play', 'pause', 'ended']) audio.addEventListener(event, showState);
  for (const event of ['timeupdate', 'loadedmetadata', 'durationchange'])
    audio.addEventListener(event, showTime);
  audio.addEventListener('error', () => {
    time.textContent = t('narrationCannotPlay');
    time.classList.add('ed-error');
    showState();
  });
  return h('span', { class: 'ed-player' }, button, time, audio);
}
