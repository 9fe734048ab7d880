/**
 * What opens in the side panel: an info hotspot's text and picture, an audio hotspot's player
 * and transcript, a scene's narration transcript, and the tour's "about" (description,
 * credits, save for offline). Texts come in the visitor's language, a fallback marked.
 */
import type { Translator } from '../i18n/i18n.ts';
import type { Hotspot, Scene, Tour } from '../../core/manifest/schema.ts';
import { localize } from '../../core/manifest/text.ts';
import type { NarrationPlan } from '../../core/narration/narration-plan.ts';
import { parseWebVtt } from '../../core/narration/webvtt.ts';
import { h } from '../ui/dom.ts';
import { offlineSlot } from '../offline/offline-slot.ts';
import { renderMarkdown } from './markdown.ts';
import type { Panel } from './panel.ts';
import type { TourTexts } from './tour-texts.ts';

type InfoHotspot = Extract<Hotspot, { type: 'info' }>;
type AudioHotspot = Extract<Hotspot, { type: 'audio' }>;

export class HotspotPanels {
  constructor(
    private readonly panel: Panel,
    private readonly i18n: Translator,
    private readonly texts: TourTexts,
  ) {}

  private get missing(): string {
    return this.i18n.t('app.translationMissing');
  }

  info(hotspot: InfoHotspot): void {
    const title = this.texts.localized(hotspot.title);
    const body = this.texts.localized(hotspot.body);
    const image = hotspot.image
      ? h('img', { class: 'panel__image', src: this.texts.assetUrl(hotspot.image), alt: '' })
      : null;
    this.panel.open({
      title: title?.text ?? '',
      lang: title?.lang,
      note: title?.fallback || body?.fallback ? this.missing : undefined,
      body: [image, body ? renderMarkdown(body.text) : null],
    });
  }

  audio(hotspot: AudioHotspot, tour: Tour): void {
    const title = this.texts.localized(hotspot.title);
    const source = localize(hotspot.audio, this.texts.lang, tour.defaultLanguage);
    const transcript = this.texts.localized(hotspot.transcript);
    const audio = source
      ? h('audio', { controls: true, src: this.texts.assetUrl(source.text), lang: source.lang })
      : null;
    this.panel.open({
      title: title?.text ?? '',
      lang: title?.lang,
      note: source?.fallback ? this.missing : undefined,
      body: [audio, transcript ? renderMarkdown(transcript.text) : null],
    });
    void audio?.play().catch(() => undefined);
  }

  /** The full narration text, from the manifest or else from the captions file. */
  async transcript(scene: Scene, plan: NarrationPlan): Promise<void> {
    if (plan.kind === 'none') return;
    let text = plan.text ?? '';
    if (!text && plan.kind === 'audio' && plan.captions)
      text = await this.captionsText(plan.captions);
    this.panel.open({
      title: `${this.i18n.t('narration.transcript')} — ${this.texts.text(scene.title)}`,
      lang: plan.lang,
      note: plan.fallback ? this.missing : undefined,
      body: [renderMarkdown(text)],
    });
  }

  about(tour: Tour): void {
    const description = this.texts.localized(tour.description);
    const credits = [
      ...(tour.credits ?? []),
      ...tour.scenes.flatMap((s) => (s.panorama.credit ? [s.panorama.credit] : [])),
    ];
    const unique = [...new Map(credits.map((c) => [`${c.author}|${c.license}`, c])).values()];
    this.panel.open({
      title: this.texts.text(tour.title),
      body: [
        description ? renderMarkdown(description.text) : null,
        h('h3', {}, this.i18n.t('app.credits')),
        h(
          'ul',
          { class: 'credits' },
          ...unique.map((c) => h('li', {}, `${c.author} — ${c.license}`)),
        ),
        h(
          'p',
          {},
          h(
            'a',
            {
              href: this.texts.assetUrl('CREDITS.md'),
              target: '_blank',
              rel: 'noopener noreferrer',
            },
            'CREDITS.md',
          ),
        ),
        offlineSlot(tour.id, this.i18n),
      ],
    });
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
