/**
 * The screen of one tour: a header (titles, language, share, about), the 360° viewer, the
 * info panel, the per-scene error message and the photo credit. This module composes them;
 * the viewer box (viewer-host.ts), the panels (hotspot-panels.ts), the hotspot lists
 * (places.ts) and the viewer's strings (viewer-strings.ts) live beside it. The viewer inside
 * is created once and reused for every scene and every tour of the visit.
 */

import { type Translator, UI_LANGUAGES } from '../i18n/i18n.ts';
import type { LinkView } from '../../core/links/deep-link.ts';
import type { Hotspot, Scene, Tour } from '../../core/manifest/schema.ts';
import type { TourViewer } from '../viewer/tour-viewer.ts';
import { on } from '../viewer/viewer-events.ts';
import { kioskProfile } from '../kiosk/profile.ts';
import { type NarrationLabel, NarrationPlayer } from '../narration/narration-player.ts';
import { planNarration } from '../../core/narration/narration-plan.ts';
import { h } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import { HotspotPanels } from './hotspot-panels.ts';
import { LanguagePicker } from './language-picker.ts';
import { Panel, type PanelKey } from './panel.ts';
import { renderPlaces, renderSceneError } from './places.ts';
import { renderSceneList } from './scene-list.ts';
import { openShareDialog } from './share-dialog.ts';
import { tourBaseUrl } from './tour-source.ts';
import { TitleSheet } from './title-sheet.ts';
import { TourTexts } from './tour-texts.ts';
import { ViewerHost } from './viewer-host.ts';
import { nodeLabels, psvStrings } from './viewer-strings.ts';

/** How the page behaves: a phone visit by default; kiosks change these. */
export interface TourPageOptions {
  hideExternalLinks?: boolean;
  autoplayNarration?: boolean;
  captionsOn?: boolean;
  /** The "share" button (QR of the current place); kiosks show it only when configured. */
  share?: boolean;
  /** Looking around by moving the phone (its navbar button); kiosks stand still. */
  gyroscope?: boolean;
}

export interface TourPageCallbacks {
  onSceneChange: (sceneId: string) => void;
  onViewChange: (view: LinkView) => void;
  onLanguageChange: (lang: string) => void;
  /** A panel opened (what it shows), or the visitor closed it (null). */
  onPanelChange: (key: PanelKey | null) => void;
}

export class TourPage {
  readonly element: HTMLElement;
  /** While quiet (a kiosk's attract loop), narration is never started by a scene change. */
  quiet = false;
  private readonly i18n: Translator;
  private readonly callbacks: TourPageCallbacks;
  private readonly options: TourPageOptions;
  private readonly texts: TourTexts;
  private readonly host: ViewerHost;
  private readonly panels: HotspotPanels;
  private readonly tourTitle: HTMLElement;
  private readonly sceneTitle: HTMLElement;
  private readonly languagePicker: LanguagePicker;
  private readonly homeLink: HTMLAnchorElement;
  private readonly aboutButton: HTMLButtonElement;
  /** The names of the two glyph controls: their only text, so the names contain it. */
  private readonly homeName: HTMLSpanElement;
  private readonly aboutName: HTMLSpanElement;
  private readonly titleSheet: TitleSheet;
  private readonly shareButton: HTMLButtonElement;
  private readonly credit: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly panel: Panel;
  private readonly toast: HTMLElement;
  /** The scene's hotspots as a plain list: reachable by keyboard and screen readers. */
  private readonly places: HTMLElement;
  private readonly narration: NarrationPlayer;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** The toast's text, asked again on a language change. */
  private toastText: () => string = () => '';
  /** A hotspot a link asked for (`#/tour/scene/hotspot`), opened once its scene is shown. */
  private pendingHotspot: { sceneId: string; hotspotId: string } | null = null;

  constructor(t: Translator, callbacks: TourPageCallbacks, options: TourPageOptions = {}) {
    this.i18n = t;
    this.callbacks = callbacks;
    this.options = options;
    this.texts = new TourTexts(t);
    // The glyphs are decoration: the name is the link's only text (WCAG 2.5.3, label in name).
    this.homeName = h('span', { class: 'visually-hidden' });
    this.homeLink = h(
      'a',
      { class: 'topbar__home', href: '#/', 'data-testid': 'home' },
      h('span', { 'aria-hidden': 'true' }, '‹'),
      this.homeName,
    );
    this.tourTitle = h('p', { class: 'topbar__tour', 'data-testid': 'tour-title' });
    this.sceneTitle = h('h1', { class: 'topbar__scene', 'data-testid': 'scene-title' });
    this.languagePicker = new LanguagePicker((lang) => callbacks.onLanguageChange(lang));
    this.aboutButton = h(
      'button',
      { type: 'button', class: 'topbar__about', 'data-testid': 'about' },
      h('span', { 'aria-hidden': 'true' }, 'i'),
      (this.aboutName = h('span', { class: 'visually-hidden' })),
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
    this.host = new ViewerHost(t, {
      settings: () => ({
        psvLang: psvStrings(this.i18n),
        labels: nodeLabels(this.i18n),
        reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
        hideExternalLinks: this.options.hideExternalLinks ?? false,
        gyroscope: this.options.gyroscope ?? kioskProfile(location.search) === null,
      }),
      ready: (viewer) => this.wire(viewer),
      withoutWebgl: (tour) => this.withoutWebgl(tour),
    });
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
    this.panels = new HotspotPanels(this.panel, t, this.texts);
    this.panel.onChange = (key) => callbacks.onPanelChange(key);
    this.titleSheet = new TitleSheet(this.panel, t, this.texts, () => this.currentSceneId);
    this.narration = new NarrationPlayer({
      label: (key: NarrationLabel) => this.i18n.t(`narration.${key}`),
      languageNote: (lang) => this.texts.narrationIn(lang),
      onTranscript: () => void this.openTranscript(),
      assetUrl: (path) => this.texts.assetUrl(path),
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
        h(
          'div',
          { class: 'topbar__titles' },
          this.tourTitle,
          this.sceneTitle,
          this.titleSheet.button,
        ),
        this.languagePicker.element,
        this.shareButton,
        this.aboutButton,
      ),
      this.places,
      this.host.element,
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
    return this.texts.tour?.id ?? null;
  }

  get currentSceneId(): string | null {
    return this.viewer?.sceneId ?? null;
  }

  private get viewer(): TourViewer | null {
    return this.host.current;
  }

  show(tour: Tour, lang: string, sceneId?: string, view?: LinkView): void {
    this.element.hidden = false;
    this.texts.tour = tour;
    this.texts.lang = lang;
    this.panel.close();
    this.errorBox.hidden = true;
    this.setPickerLanguages(lang);
    this.applyTourTexts();
    this.host.show({ tour, baseUrl: tourBaseUrl(tour.id), lang, sceneId, view });
  }

  goTo(sceneId: string, view?: LinkView): void {
    this.host.goTo(sceneId, view);
  }

  lookAt(view: LinkView): void {
    this.viewer?.lookAt(view);
  }

  /** The tour's start scene at its start view; false when it was already on screen. */
  goToStart(): boolean {
    const tour = this.texts.tour;
    const scene = this.texts.scene(tour?.startScene ?? tour?.scenes[0]?.id);
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

  /** A short message that goes away by itself (e.g. an old link naming a removed scene). */
  notify(text: string | (() => string), ms = 6000): void {
    this.toastText = typeof text === 'string' ? () => text : text;
    this.toast.textContent = this.toastText();
    this.toast.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (this.toast.hidden = true), ms);
  }

  /** Ends what the last visitor left open: panels, narration. */
  resetVisit(): void {
    this.panel.close();
    this.narration.stop();
  }

  /** Offers (or, with autoplay, starts) the current scene's narration afresh. */
  offerNarration(): void {
    const scene = this.texts.scene(this.currentSceneId);
    if (scene) this.narration.load(this.narrationPlan(scene), this.quiet ? false : undefined);
  }

  /** Slow rotation for the kiosk's attract loop (none when the visitor prefers less motion). */
  autorotate(on: boolean): void {
    this.viewer?.autorotate(on);
  }

  /** The scene after the current one, in gallery order (wrapping). */
  nextSceneId(): string | undefined {
    const scenes = this.texts.tour?.scenes ?? [];
    const index = scenes.findIndex((scene) => scene.id === this.currentSceneId);
    return scenes[(index + 1) % scenes.length]?.id;
  }

  hide(): void {
    this.panel.close();
    this.narration.stop();
    this.element.hidden = true;
  }

  /**
   * Switches every text in place, shown or not (one language per screen): the bar, the
   * places list, the open panel, the toast, the narration and the viewer's own strings. The
   * panorama and the view stay.
   */
  setLanguage(lang: string): void {
    this.texts.lang = lang;
    this.applyUiStrings();
    this.toast.textContent = this.toastText();
    this.narration.refreshLabels();
    if (!this.texts.tour) return;
    this.setPickerLanguages(lang);
    this.applyTourTexts();
    this.viewer?.setLanguage(lang, psvStrings(this.i18n), nodeLabels(this.i18n));
    const scene = this.texts.scene(this.currentSceneId);
    this.renderPlaces(this.errorBox.hidden ? scene : undefined);
    if (!this.errorBox.hidden && this.currentSceneId) {
      renderSceneError(this.errorBox, this.currentSceneId, this.texts, this.i18n, (id) =>
        this.goTo(id),
      );
    }
    if (this.panel.key?.kind === 'titles') this.titleSheet.open();
    else void this.panels.refresh();
    // A visitor listening keeps listening, now in the new language.
    if (scene) this.narration.load(this.narrationPlan(scene), this.narration.isPlaying);
  }

  /** Closes the panel without telling the app (Back already moved the address). */
  closePanel(): boolean {
    const open = this.panel.isOpen;
    this.panel.close();
    return open;
  }

  /** Every interface language, those with this tour's texts first and marked. */
  private setPickerLanguages(lang: string): void {
    this.languagePicker.setLanguages(UI_LANGUAGES, lang, {
      languages: this.texts.tour?.languages ?? [],
      withContent: this.i18n.t('app.languagesWithContent'),
      interfaceOnly: this.i18n.t('app.languagesUiOnly'),
    });
  }

  private renderPlaces(scene: Scene | undefined): void {
    renderPlaces(this.places, scene, {
      i18n: this.i18n,
      texts: this.texts,
      labels: nodeLabels(this.i18n),
      hideExternalLinks: this.options.hideExternalLinks ?? false,
      activate: (hotspotId) => this.viewer?.activateHotspot(hotspotId),
    });
  }

  private wire(viewer: TourViewer): void {
    on(viewer, 'scene-change', ({ detail }) => this.onSceneShown(detail.sceneId, false));
    on(viewer, 'scene-error', ({ detail }) => this.onSceneShown(detail.sceneId, true));
    on(viewer, 'view-change', ({ detail }) => this.callbacks.onViewChange(detail.view));
    on(viewer, 'hotspot', ({ detail }) => this.openHotspot(detail.hotspot));
  }

  /** No WebGL (old phone, disabled GPU): the scenes as a readable, listenable list. */
  private withoutWebgl(tour: Tour): HTMLElement {
    this.narration.element.hidden = true;
    this.texts.showText(this.sceneTitle, tour.title);
    return renderSceneList(tour, this.texts.lang, this.i18n, (path) => this.texts.assetUrl(path));
  }

  private onSceneShown(sceneId: string, failed: boolean): void {
    const scene = this.texts.scene(sceneId);
    this.panel.close();
    this.showSceneTitle(scene);
    this.showCredit(scene);
    this.renderPlaces(failed ? undefined : scene);
    this.errorBox.hidden = !failed;
    if (failed)
      renderSceneError(this.errorBox, sceneId, this.texts, this.i18n, (id) => this.goTo(id));
    const plan = scene && !failed ? this.narrationPlan(scene) : { kind: 'none' as const };
    this.narration.load(plan, this.quiet ? false : undefined);
    this.callbacks.onSceneChange(sceneId);
    if (!failed) this.openPendingHotspot(sceneId);
  }

  private openPendingHotspot(sceneId: string): void {
    const pending = this.pendingHotspot;
    if (!pending || pending.sceneId !== sceneId) return;
    this.pendingHotspot = null;
    const hotspot = this.texts.scene(sceneId)?.hotspots.find((h) => h.id === pending.hotspotId);
    if (hotspot && (hotspot.type === 'info' || hotspot.type === 'audio')) this.openHotspot(hotspot);
  }

  private openHotspot(hotspot: Hotspot): void {
    if (hotspot.type === 'link') {
      window.open(hotspot.url, '_blank', 'noopener,noreferrer');
      return;
    }
    if (hotspot.type === 'info') this.panels.info(hotspot);
    if (hotspot.type === 'audio') {
      this.narration.pause();
      this.panels.audio(hotspot);
    }
  }

  private narrationPlan(scene: Scene) {
    return planNarration(scene, this.texts.lang, this.texts.tour!);
  }

  private async openTranscript(): Promise<void> {
    const scene = this.texts.scene(this.currentSceneId);
    if (scene) await this.panels.transcript(scene, () => this.narrationPlan(scene));
  }

  private openAbout(): void {
    if (this.texts.tour) this.panels.about(this.texts.tour);
  }

  private async openShare(): Promise<void> {
    try {
      const href = location.href;
      await this.panels.show(() => openShareDialog(this.panel, this.i18n, href));
    } catch {
      this.notify(() => this.i18n.t('app.viewerUnavailable'));
    }
  }

  private showCredit(scene: Scene | undefined): void {
    const credit = scene?.panorama.credit ?? this.texts.tour?.credits?.[0];
    this.credit.textContent = credit ? `© ${credit.author} · ${credit.license}` : '';
    this.credit.hidden = !credit;
  }

  private showSceneTitle(scene: Scene | undefined): void {
    const tourMarked = this.texts.localized(this.texts.tour?.title)?.fallback ?? false;
    this.texts.showText(this.sceneTitle, scene?.title, tourMarked ? 'none' : 'before');
  }

  private applyTourTexts(): void {
    const tour = this.texts.tour!;
    // The bar's lines are cut to fit: a fallback's mark goes first, once for both titles.
    this.texts.showText(this.tourTitle, tour.title, 'before');
    const scene = this.texts.scene(this.currentSceneId);
    if (scene) this.showSceneTitle(scene);
    document.title = `${this.texts.text(tour.title)} — ${this.i18n.t('app.name')}`;
  }

  private applyUiStrings(): void {
    const t = this.i18n.t.bind(this.i18n);
    this.homeName.textContent = t('app.allTours');
    this.homeLink.title = t('app.allTours');
    this.languagePicker.setLabel(t('app.language'));
    this.aboutName.textContent = t('app.about');
    this.aboutButton.title = t('app.about');
    this.titleSheet.applyUiStrings();
    this.shareButton.setAttribute('aria-label', t('share.button'));
    this.shareButton.title = t('share.button');
    this.panel.setCloseLabel(t('app.close'));
  }
}
