/**
 * What opens in the side panel: an info hotspot's text and picture, an audio hotspot's player
 * and transcript, a scene's narration transcript, and the tour's "about" (description,
 * credits, save for offline). Texts come in the visitor's language, a fallback marked.
 * The panel on screen is remembered, so a language change re-renders it in place.
 */
import type { Translator } from '../i18n/i18n.ts';
import type { Hotspot, Scene, Tour } from '../../core/manifest/schema.ts';
import type { NarrationPlan } from '../../core/narration/narration-plan.ts';
import { parseWebVtt } from '../../core/narration/webvtt.ts';
import { h } from '../ui/dom.ts';
import { isKioskPage, withoutLinks } from '../kiosk/kiosk-page.ts';
import { offlineSlot } from '../offline/offline-slot.ts';
import { renderMarkdown } from '../ui/markdown.ts';
import type { Panel, PanelContent } from './panel.ts';
import type { TourTexts } from './tour-texts.ts';

type InfoHotspot = Extract<Hotspot, { type: 'info' }>;
type AudioHotspot = Extract<Hotspot, { type: 'audio' }>;

export class HotspotPanels {
  constructor(
    private readonly panel: Panel,
    private readonly i18n: Translator,
    private readonly texts: TourTexts,
  ) {}

  /** How to draw again what this class last put in the panel, and what that was. */
  private current: { render: () => void | Promise<void>; key: string } | null = null;

  /** Re-renders the panel on screen, if it is still ours (the visitor switched language). */
  async refresh(): Promise<void> {
    const shown = this.panel.key;
    if (this.current && shown && JSON.stringify(shown) === this.current.key) {
      await this.current.render();
    }
  }

  /** Shows something else in the panel (the share dialog), re-rendered by `render`. */
  async show(render: () => void | Promise<void>): Promise<void> {
    await render();
    this.current = { render, key: JSON.stringify(this.panel.key) };
  }

  private open(content: PanelContent, render: () => void | Promise<void>): void {
    this.panel.open(content);
    this.current = { render, key: JSON.stringify(content.key) };
  }

  private note(
    ...texts: Array<{ fallback: boolean; lang: string } | undefined>
  ): string | undefined {
    const shown = texts.find((text) => text?.fallback);
    return shown ? this.texts.shownIn(shown.lang) : undefined;
  }

  info(hotspot: InfoHotspot): void {
    const title = this.texts.localized(hotspot.title);
    const body = this.texts.localized(hotspot.body);
    const image = hotspot.image
      ? h('img', { class: 'panel__image', src: this.texts.assetUrl(hotspot.image), alt: '' })
      : null;
    this.open(
      {
        title: title?.text ?? '',
        lang: title?.lang,
        note: this.note(title, body),
        body: [image, body ? h('div', { lang: body.lang }, this.markdown(body.text)) : null],
        key: { kind: 'info', hotspot: hotspot.id },
      },
      () => this.info(hotspot),
    );
  }

  audio(hotspot: AudioHotspot, autoplay = true): void {
    const title = this.texts.localized(hotspot.title);
    const source = this.texts.localized(hotspot.audio);
    const transcript = this.texts.localized(hotspot.transcript);
    const audio = source
      ? h('audio', { controls: true, src: this.texts.assetUrl(source.text), lang: source.lang })
      : null;
    const playing = this.playing;
    this.open(
      {
        title: title?.text ?? '',
        lang: title?.lang,
        note: this.note(source, title),
        body: [
          audio,
          transcript ? h('div', { lang: transcript.lang }, this.markdown(transcript.text)) : null,
        ],
        key: { kind: 'audio', hotspot: hotspot.id },
      },
      // Drawn again in another language, it plays on only if it was playing.
      () => this.audio(hotspot, playing),
    );
    if (autoplay) void audio?.play().catch(() => undefined);
  }

  private get playing(): boolean {
    const audio = this.panel.element.querySelector('audio');
    return Boolean(audio && !audio.paused);
  }

  /** The full narration text, from the manifest or else from the captions file. */
  async transcript(scene: Scene, planOf: () => NarrationPlan): Promise<void> {
    const plan = planOf();
    if (plan.kind === 'none') return;
    let text = plan.text ?? '';
    if (!text && plan.kind === 'audio' && plan.captions)
      text = await this.captionsText(plan.captions);
    this.open(
      {
        title: `${this.i18n.t('narration.transcript')} — ${this.texts.text(scene.title)}`,
        note: plan.fallback ? this.texts.shownIn(plan.lang) : undefined,
        body: [h('div', { lang: plan.lang }, this.markdown(text))],
        key: { kind: 'transcript' },
      },
      () => this.transcript(scene, planOf),
    );
  }

  about(tour: Tour): void {
    const title = this.texts.localized(tour.title);
    const description = this.texts.localized(tour.description);
    const credits = [
      ...(tour.credits ?? []),
      ...tour.scenes.flatMap((s) => (s.panorama.credit ? [s.panorama.credit] : [])),
    ];
    const unique = [...new Map(credits.map((c) => [`${c.author}|${c.license}`, c])).values()];
    this.open(
      {
        title: title?.text ?? '',
        lang: title?.lang,
        note: this.note(title, description),
        key: { kind: 'about' },
        body: [
          description
            ? h('div', { lang: description.lang }, this.markdown(description.text))
            : null,
          h('h3', {}, this.i18n.t('app.credits')),
          h(
            'ul',
            { class: 'credits' },
            ...unique.map((c) => h('li', {}, `${c.author} — ${c.license}`)),
          ),
          h('p', {}, this.creditsButton(tour)),
          // Kiosks keep their copy whatever a visitor does: staff manage it (staff screen).
          isKioskPage() ? null : offlineSlot(tour.id, this.i18n),
        ],
      },
      () => this.about(tour),
    );
  }

  /**
   * The tour's CREDITS.md, shown in the panel as safe Markdown (never a window of raw text
   * that a kiosk visitor could wander off in); "back" returns to the about panel.
   */
  private creditsButton(tour: Tour): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: 'button button--quiet', 'data-testid': 'credits-full' },
      this.i18n.t('app.creditsFull'),
    );
    button.addEventListener('click', () => void this.creditsFile(tour));
    return button;
  }

  async creditsFile(tour: Tour): Promise<void> {
    let body: Node;
    try {
      const response = await fetch(this.texts.assetUrl('CREDITS.md'));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = h(
        'div',
        { class: 'credits-file' },
        this.markdown(creditsMarkdown(await response.text())),
      );
    } catch {
      body = h('p', { role: 'alert' }, this.i18n.t('app.creditsUnavailable'));
    }
    const back = h('button', { type: 'button', class: 'button button--quiet' }, '←');
    back.setAttribute('aria-label', this.i18n.t('app.about'));
    back.addEventListener('click', () => this.about(tour));
    this.open(
      {
        title: this.i18n.t('app.creditsFull'),
        key: { kind: 'credits' },
        body: [back, body],
      },
      () => this.creditsFile(tour),
    );
  }

  /** Author Markdown; on a kiosk its links are plain text (nothing leads out of the app). */
  private markdown(text: string): DocumentFragment {
    const fragment = renderMarkdown(text);
    return isKioskPage() ? withoutLinks(fragment) : fragment;
  }

  private async captionsText(path: string): Promise<string> {
    try {
      const response = await fetch(this.texts.assetUrl(path));
      const parsed = parseWebVtt(await response.text());
      return parsed.ok ? parsed.value.map((cue) => cue.text.replace(/\n/g, ' ')).join(' ') : '';
    } catch {
      return '';
    }
  }
}

/**
 * CREDITS.md brought into the app's safe Markdown subset: a heading becomes a bold line, a
 * table's rows become lines of cells joined by " · ", lines wrapped in the source flow
 * together again (the subset keeps every line break), and `code` loses its backticks.
 */
export function creditsMarkdown(source: string): string {
  const isTableRule = (line: string) => /^\s*\|?[\s:|-]+\|?\s*$/.test(line);
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim())
      .join(' · ');
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split('\n').filter((line) => line.trim() !== '');
      if (lines.every((line) => line.trimStart().startsWith('|')))
        return lines
          .filter((line) => !isTableRule(line))
          .map(cells)
          .join('\n\n');
      if (lines.every((line) => /^\s*([-*]|\d+[.)])\s+/.test(line))) return lines.join('\n');
      return lines
        .map((line) => line.trim())
        .join(' ')
        .replace(/^#{1,6}\s+(.+)$/, '**$1**');
    })
    .join('\n\n')
    .replace(/`([^`\n]+)`/g, '$1'); // no code spans in the subset: the name, without its ticks
}
