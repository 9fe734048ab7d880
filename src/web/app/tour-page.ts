/**
 * The screen of one tour: a header (titles, language, about), the 360° viewer, the info
 * panel, the per-scene error message and the photo credit. The viewer inside is created once
 * and reused for every scene and every tour of the visit.
 */

import type { Translator } from '../i18n/i18n.ts';
import type { LinkView } from '../../core/links/deep-link.ts';
import type { Hotspot, Scene, Tour } from '../../core/manifest/schema.ts';
import { localize, textOf } from '../../core/manifest/text.ts';
import type { NodeLabels } from '../viewer/nodes.ts';
import type { ShowTourOptions, TourViewer } from '../viewer/tour-viewer.ts';
import { on } from '../viewer/viewer-events.ts';
import type { AdapterKind } from '../viewer/panorama-config.ts';
import { createViewer, viewerKindFor } from './viewer-loader.ts';
import { type NarrationLabel, NarrationPlayer } from '../narration/narration-player.ts';
import { planNarration } from '../../core/narration/narration-plan.ts';
import { parseWebVtt } from '../../core/narration/webvtt.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import { LanguagePicker } from './language-picker.ts';
import { openShareDialog } from './share-dialog.ts';
import { offlineSlot } from '../offline/offline-slot.ts';
import { renderMarkdown } from './markdown.ts';
import { Panel } from './panel.ts';
import { renderSceneList } from './scene-list.ts';
import { tourBaseUrl } from './tour-source.ts';

/** How the page behaves: a phone visit by default; kiosks change these. */
export interface TourPageOptions {
  hideExternalLinks?: boolean;
  autoplayNarration?: boolean;
  captionsOn?: boolean;
  /** The "share" button (QR of the current place); kiosks show it only when configured. */
  share?: boolean;
}

export interface TourPageCallbacks {
  onSceneChange: (sceneId: string) => void;
  onViewChange: (view: LinkView) => void;
  onLanguageChange: (lang: string) => void;
}

export class TourPage {
  readonly element: HTMLElement;
  private readonly i18n: Translator;
  private readonly callbacks: TourPageCallbacks;
  private readonly viewerHost: HTMLDivElement;
  private readonly tourTitle: HTMLElement;
  private readonly sceneTitle: HTMLElement;
  private readonly languagePicker: LanguagePicker;
  private readonly aboutButton: HTMLButtonElement;
  private readonly shareButton: HTMLButtonElement;
  /** What to show once the viewer is ready (it may still be downloading). */
  private request: ShowTourOptions | null = null;
  private viewerKind: AdapterKind | null = null;
  private mounting = 0;

  /** A hotspot a link asked for (`#/tour/scene/hotspot`), opened once its scene is shown. */
  private pendingHotspot: { sceneId: string; hotspotId: string } | null = null;
  private readonly homeLink: HTMLAnchorElement;
  private readonly credit: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly panel: Panel;
  private readonly toast: HTMLElement;
  /** The scene's hotspots as a plain list: reachable by keyboard and screen readers. */
  private readonly places: HTMLElement;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly narration: NarrationPlayer;
  private viewer: TourViewer | null = null;
  private tour: Tour | null = null;
  private lang = '';

  private readonly options: TourPageOptions;

  constructor(t: Translator, callbacks: TourPageCallbacks, options: TourPageOptions = {}) {
    this.i18n = t;
    this.callbacks = callbacks;
    this.options = options;
    this.homeLink = h('a', { class: 'topbar__home', href: '#/', 'data-testid': 'home' }, '‹');
    this.tourTitle = h('p', { class: 'topbar__tour', 'data-testid': 'tour-title' });
    this.sceneTitle = h('h1', { class: 'topbar__scene', 'data-testid': 'scene-title' });
    this.languagePicker = new LanguagePicker((lang) => callbacks.onLanguageChange(lang));
    this.aboutButton = h(
      'button',
      { type: 'button', class: 'topbar__about', 'data-testid': 'about' },
      'i',
    );
    this.shareButton = h(
      'button',
      {
        type: 'button',
        class: 'topbar__share',
        'data-testid': 'share',
        hidden: options.share === false,
      },
      icon('qr'),
    );
    this.viewerHost = h('div', { class: 'viewer', 'data-testid': 'viewer' });
    this.credit = h('p', { class: 'credit', 'data-testid': 'credit', hidden: true });
    this.places = h('nav', {
      class: 'places visually-hidden-until-focus',
      'data-testid': 'places',
    });
    this.toast = h('p', { class: 'toast', role: 'status', hidden: true, 'data-testid': 'toast' });
    this.errorBox = h('div', {
      class: 'scene-error',
      role: 'alert',
      hidden: true,
      'data-testid': 'scene-error',
    });
    this.panel = new Panel(t.t('app.close'));
    this.narration = new NarrationPlayer({
      label: (key: NarrationLabel) => this.i18n.t(`narration.${key}`),
      onTranscript: () => void this.openTranscript(),
      assetUrl: (path) => this.assetUrl(path),
      autoplay: options.autoplayNarration ?? false,
      captionsOn: options.captionsOn ?? true,
    });
    this.element = h(
      'div',
      { class: 'tour-page', hidden: true },
      h(
        'header',
        { class: 'topbar' },
        this.homeLink,
        h('div', { class: 'topbar__titles' }, this.tourTitle, this.sceneTitle),
        this.languagePicker.element,
        this.shareButton,
        this.aboutButton,
      ),
      this.places,
      this.viewerHost,
      this.errorBox,
      this.toast,
      h('div', { class: 'dock' }, this.narration.captions, this.narration.element, this.credit),
      this.panel.element,
    );
    this.aboutButton.addEventListener('click', () => this.openAbout());
    this.shareButton.addEventListener('click', () => void this.openShare());
    this.applyUiStrings();
  }

  get currentTourId(): string | null {
    return this.tour?.id ?? null;
  }

  get currentSceneId(): string | null {
    return this.viewer?.sceneId ?? null;
  }

  show(tour: Tour, lang: string, sceneId?: string, view?: LinkView): void {
    this.element.hidden = false;
    this.tour = tour;
    this.lang = lang;
    this.panel.close();
    this.errorBox.hidden = true;
    this.languagePicker.setLanguages(tour.languages, lang);
    this.applyTourTexts();
    this.request = { tour, baseUrl: tourBaseUrl(tour.id), lang, sceneId, view };
    if (this.viewer && this.viewerKind === viewerKindFor(tour)) this.viewer.showTour(this.request);
    else void this.mountViewer(tour);
  }

  private async mountViewer(tour: Tour): Promise<void> {
    const mount = ++this.mounting;
    let loaded: Awaited<ReturnType<typeof createViewer>>;
    try {
      this.viewer?.destroy();
      this.viewer = null;
      replaceChildren(this.viewerHost);
      loaded = await createViewer(tour, this.viewerSettings());
    } catch {
      if (mount === this.mounting) this.showViewerUnavailable();
      return;
    }
    if (mount !== this.mounting) {
      loaded?.viewer.destroy();
      return;
    }
    if (!loaded) {
      this.showWithoutWebgl();
      return;
    }
    this.viewer = this.wire(loaded.viewer);
    this.viewerKind = loaded.kind;
    if (this.request) this.viewer.showTour(this.request);
  }

  /** The viewer's code could not be fetched (offline, never cached): say so, offer a retry. */
  private showViewerUnavailable(): void {
    const retry = h('button', { type: 'button', class: 'button' }, this.i18n.t('app.retry'));
    retry.addEventListener('click', () => this.tour && void this.mountViewer(this.tour));
    replaceChildren(
      this.viewerHost,
      h(
        'p',
        { class: 'message message--error', role: 'alert' },
        this.i18n.t('app.viewerUnavailable'),
      ),
      retry,
    );
  }

  /** No WebGL (old phone, disabled GPU): the scenes as a readable, listenable list. */
  private showWithoutWebgl(): void {
    const list = renderSceneList(this.tour!, this.lang, this.i18n, (path) => this.assetUrl(path));
    replaceChildren(this.viewerHost, list);
    this.narration.element.hidden = true;
    this.showText(this.sceneTitle, this.tour?.title);
  }

  goTo(sceneId: string, view?: LinkView): void {
    if (this.viewer) this.viewer.goTo(sceneId, view);
    else if (this.request) this.request = { ...this.request, sceneId, view };
  }

  lookAt(view: LinkView): void {
    this.viewer?.lookAt(view);
  }

  /** The tour's start scene at its start view; false when it was already on screen. */
  goToStart(): boolean {
    const tour = this.tour;
    const start = tour?.startScene ?? tour?.scenes[0]?.id;
    const scene = tour?.scenes.find((s) => s.id === start);
    if (!scene || !this.viewer) return false;
    const view = scene.startView ?? { yaw: 0, pitch: 0 };
    return this.viewer.goTo(scene.id, { zoom: 50, ...view });
  }

  /**
   * Opens a hotspot's panel once its scene is on screen (a QR code posted at a stele opens the
   * stele's text). External links are not opened by themselves.
   */
  revealHotspot(sceneId: string, hotspotId: string): void {
    this.pendingHotspot = { sceneId, hotspotId };
    if (this.currentSceneId === sceneId) this.openPendingHotspot(sceneId);
  }

  private openPendingHotspot(sceneId: string): void {
    const pending = this.pendingHotspot;
    if (!pending || pending.sceneId !== sceneId) return;
    this.pendingHotspot = null;
    const hotspot = this.scene(sceneId)?.hotspots.find((h) => h.id === pending.hotspotId);
    if (hotspot && (hotspot.type === 'info' || hotspot.type === 'audio')) this.openHotspot(hotspot);
  }

  private async openShare(): Promise<void> {
    try {
      await openShareDialog(this.panel, this.i18n, location.href);
    } catch {
      this.notify(this.i18n.t('app.viewerUnavailable'));
    }
  }

  /** A short message that goes away by itself (e.g. an old link naming a removed scene). */
  notify(text: string, ms = 6000): void {
    this.toast.textContent = text;
    this.toast.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (this.toast.hidden = true), ms);
  }

  /** While quiet (a kiosk's attract loop), narration is never started by a scene change. */
  quiet = false;

  /** Ends what the last visitor left open: panels, narration. */
  resetVisit(): void {
    this.panel.close();
    this.narration.stop();
  }

  /** Offers (or, with autoplay, starts) the current scene's narration afresh. */
  offerNarration(): void {
    const scene = this.currentSceneId ? this.scene(this.currentSceneId) : undefined;
    if (scene) this.narration.load(this.narrationPlan(scene), this.quiet ? false : undefined);
  }

  /** Slow rotation for the kiosk's attract loop (none when the visitor prefers less motion). */
  autorotate(on: boolean): void {
    this.viewer?.autorotate(on);
  }

  /** The scene after the current one, in gallery order (wrapping). */
  nextSceneId(): string | undefined {
    const scenes = this.tour?.scenes ?? [];
    const index = scenes.findIndex((scene) => scene.id === this.currentSceneId);
    return scenes[(index + 1) % scenes.length]?.id;
  }

  hide(): void {
    this.panel.close();
    this.narration.stop();
    this.element.hidden = true;
  }

  /** Switches every visible text in place; the panorama and view stay. */
  setLanguage(lang: string): void {
    this.lang = lang;
    this.applyUiStrings();
    if (!this.tour) return;
    this.languagePicker.value = lang;
    this.applyTourTexts();
    this.viewer?.setLanguage(lang, this.psvLang(), this.labels());
    this.panel.close();
    this.narration.refreshLabels();
    const scene = this.currentSceneId ? this.scene(this.currentSceneId) : undefined;
    // A visitor listening keeps listening, now in the new language.
    if (scene) this.narration.load(this.narrationPlan(scene), this.narration.isPlaying);
  }

  private viewerSettings() {
    return {
      container: this.viewerHost,
      psvLang: this.psvLang(),
      labels: this.labels(),
      reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
      hideExternalLinks: this.options.hideExternalLinks ?? false,
    };
  }

  private wire(viewer: TourViewer): TourViewer {
    on(viewer, 'scene-change', ({ detail }) => this.onSceneShown(detail.sceneId, false));
    on(viewer, 'scene-error', ({ detail }) => this.onSceneShown(detail.sceneId, true));
    on(viewer, 'view-change', ({ detail }) => this.callbacks.onViewChange(detail.view));
    on(viewer, 'hotspot', ({ detail }) => this.openHotspot(detail.hotspot));
    return viewer;
  }

  private onSceneShown(sceneId: string, failed: boolean): void {
    const scene = this.scene(sceneId);
    this.panel.close();
    this.showText(this.sceneTitle, scene?.title);
    this.showCredit(scene);
    this.renderPlaces(failed ? undefined : scene);
    this.errorBox.hidden = !failed;
    if (failed) this.renderSceneError(sceneId);
    const plan = scene && !failed ? this.narrationPlan(scene) : { kind: 'none' as const };
    this.narration.load(plan, this.quiet ? false : undefined);
    this.callbacks.onSceneChange(sceneId);
    if (!failed) this.openPendingHotspot(sceneId);
  }

  private renderPlaces(scene: Scene | undefined): void {
    const labels = this.labels();
    const items = (scene?.hotspots ?? [])
      .filter((hotspot) => !(this.options.hideExternalLinks && hotspot.type === 'link'))
      .map((hotspot) => {
        const title =
          hotspot.type === 'scene'
            ? this.text(hotspot.title) || this.text(this.scene(hotspot.target)?.title)
            : this.text(hotspot.title);
        const button = h(
          'button',
          { type: 'button', 'data-place': hotspot.id },
          hotspot.type === 'scene' ? labels.goTo(title) : labels[hotspot.type](title),
        );
        button.addEventListener('click', () => this.viewer?.activateHotspot(hotspot.id));
        return h('li', {}, button);
      });
    replaceChildren(this.places, h('h2', {}, this.i18n.t('viewer.places')), h('ul', {}, ...items));
    this.places.setAttribute('aria-label', this.i18n.t('viewer.places'));
  }

  private renderSceneError(failedId: string): void {
    const others = (this.tour?.scenes ?? []).filter((scene) => scene.id !== failedId);
    replaceChildren(
      this.errorBox,
      h('p', { class: 'scene-error__title' }, this.i18n.t('viewer.panoramaError')),
      others.length > 0 ? h('p', {}, this.i18n.t('viewer.panoramaErrorHint')) : null,
      h(
        'ul',
        { class: 'scene-error__list' },
        ...others.map((scene) => {
          const button = h(
            'button',
            { type: 'button', 'data-scene': scene.id },
            this.text(scene.title),
          );
          button.addEventListener('click', () => this.goTo(scene.id));
          return h('li', {}, button);
        }),
      ),
    );
  }

  private openHotspot(hotspot: Hotspot): void {
    if (hotspot.type === 'link') {
      window.open(hotspot.url, '_blank', 'noopener,noreferrer');
      return;
    }
    if (hotspot.type === 'info') this.openInfo(hotspot);
    if (hotspot.type === 'audio') {
      this.narration.pause();
      this.openAudio(hotspot);
    }
  }

  private openInfo(hotspot: Extract<Hotspot, { type: 'info' }>): void {
    const title = this.localized(hotspot.title);
    const body = this.localized(hotspot.body);
    const image = hotspot.image
      ? h('img', { class: 'panel__image', src: this.assetUrl(hotspot.image), alt: '' })
      : null;
    this.panel.open({
      title: title?.text ?? '',
      lang: title?.lang,
      note: title?.fallback || body?.fallback ? this.i18n.t('app.translationMissing') : undefined,
      body: [image, body ? renderMarkdown(body.text) : null],
    });
  }

  private openAudio(hotspot: Extract<Hotspot, { type: 'audio' }>): void {
    const title = this.localized(hotspot.title);
    const source = localize(hotspot.audio, this.lang, this.tour!.defaultLanguage);
    const transcript = this.localized(hotspot.transcript);
    const audio = source
      ? h('audio', { controls: true, src: this.assetUrl(source.text), lang: source.lang })
      : null;
    this.panel.open({
      title: title?.text ?? '',
      lang: title?.lang,
      note: source?.fallback ? this.i18n.t('app.translationMissing') : undefined,
      body: [audio, transcript ? renderMarkdown(transcript.text) : null],
    });
    void audio?.play().catch(() => undefined);
  }

  private narrationPlan(scene: Scene) {
    return planNarration(scene, this.lang, this.tour!.defaultLanguage);
  }

  /** The full narration text, from the manifest or else from the captions file. */
  private async openTranscript(): Promise<void> {
    const scene = this.currentSceneId ? this.scene(this.currentSceneId) : undefined;
    if (!scene) return;
    const plan = this.narrationPlan(scene);
    if (plan.kind === 'none') return;
    let text = plan.text ?? '';
    if (!text && plan.kind === 'audio' && plan.captions)
      text = await this.captionsText(plan.captions);
    this.panel.open({
      title: `${this.i18n.t('narration.transcript')} — ${this.text(scene.title)}`,
      lang: plan.lang,
      note: plan.fallback ? this.i18n.t('app.translationMissing') : undefined,
      body: [renderMarkdown(text)],
    });
  }

  private async captionsText(path: string): Promise<string> {
    try {
      const response = await fetch(this.assetUrl(path));
      const parsed = parseWebVtt(await response.text());
      return parsed.ok ? parsed.cues.map((cue) => cue.text.replace(/\n/g, ' ')).join(' ') : '';
    } catch {
      return '';
    }
  }

  private openAbout(): void {
    const tour = this.tour;
    if (!tour) return;
    const description = this.localized(tour.description);
    const credits = [
      ...(tour.credits ?? []),
      ...tour.scenes.flatMap((s) => (s.panorama.credit ? [s.panorama.credit] : [])),
    ];
    const unique = [...new Map(credits.map((c) => [`${c.author}|${c.license}`, c])).values()];
    this.panel.open({
      title: this.text(tour.title),
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
            { href: this.assetUrl('CREDITS.md'), target: '_blank', rel: 'noopener noreferrer' },
            'CREDITS.md',
          ),
        ),
        offlineSlot(tour.id, this.i18n),
      ],
    });
  }

  private showCredit(scene: Scene | undefined): void {
    const credit = scene?.panorama.credit ?? this.tour?.credits?.[0];
    this.credit.textContent = credit ? `© ${credit.author} · ${credit.license}` : '';
    this.credit.hidden = !credit;
  }

  private applyTourTexts(): void {
    const tour = this.tour!;
    this.showText(this.tourTitle, tour.title);
    const scene = this.currentSceneId ? this.scene(this.currentSceneId) : undefined;
    if (scene) this.showText(this.sceneTitle, scene.title);
    document.title = `${this.text(tour.title)} — ${this.i18n.t('app.name')}`;
  }

  private applyUiStrings(): void {
    const t = this.i18n.t.bind(this.i18n);
    this.homeLink.setAttribute('aria-label', t('app.allTours'));
    this.homeLink.title = t('app.allTours');
    this.languagePicker.setLabel(t('app.language'));
    this.aboutButton.setAttribute('aria-label', t('app.about'));
    this.aboutButton.title = t('app.about');
    this.shareButton.setAttribute('aria-label', t('share.button'));
    this.shareButton.title = t('share.button');
    this.panel.setCloseLabel(t('app.close'));
  }

  private psvLang(): Record<string, string> {
    const t = this.i18n.t.bind(this.i18n);
    const keys = [
      'zoom',
      'zoomIn',
      'zoomOut',
      'moveUp',
      'moveDown',
      'moveLeft',
      'moveRight',
      'fullscreen',
      'twoFingers',
      'ctrlZoom',
      'webglError',
    ];
    const lang: Record<string, string> = Object.fromEntries(
      keys.map((key) => [key, t(`viewer.${key}`)]),
    );
    return {
      ...lang,
      loading: t('app.loading'),
      close: t('app.close'),
      loadError: t('viewer.panoramaError'),
      gallery: t('viewer.scenes'),
      autorotate: t('viewer.autorotate'),
    };
  }

  private labels(): NodeLabels {
    const t = this.i18n.t.bind(this.i18n);
    return {
      goTo: (scene) => t('viewer.goTo', { scene }),
      info: (title) => t('viewer.info', { title }),
      audio: (title) => t('viewer.audio', { title }),
      link: (title) => t('viewer.link', { title }),
    };
  }

  private scene(sceneId: string): Scene | undefined {
    return this.tour?.scenes.find((scene) => scene.id === sceneId);
  }

  private localized(map: Record<string, string> | undefined) {
    return localize(map, this.lang, this.tour?.defaultLanguage ?? this.lang);
  }

  /**
   * Puts a tour text into an element with its real language; a fallback (missing
   * translation) is marked discreetly and explained on hover or to screen readers.
   */
  private showText(element: HTMLElement, map: Record<string, string> | undefined): void {
    const text = this.localized(map);
    element.textContent = text?.text ?? '';
    element.lang = text?.lang ?? this.lang;
    element.classList.toggle('is-fallback', Boolean(text?.fallback));
    if (text?.fallback) element.title = this.i18n.t('app.translationMissing');
    else element.removeAttribute('title');
  }

  private text(map: Record<string, string> | undefined): string {
    return textOf(map, this.lang, this.tour?.defaultLanguage ?? this.lang);
  }

  private assetUrl(path: string): string {
    return new URL(path, tourBaseUrl(this.tour!.id)).href;
  }
}
