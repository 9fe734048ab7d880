/**
 * The app shell: reads the address, shows the catalogue or a tour, and keeps the address in
 * step with what is on screen (scene changes and open panels are history entries, looking
 * around is not). The interface speaks the visitor's language whatever tour is shown; the
 * address carries a language only when the link or the visitor named one.
 */

import {
  createTranslator,
  DEFAULT_UI_LANGUAGE,
  type Translator,
  UI_LANGUAGES,
} from '../i18n/i18n.ts';
import { chooseLanguage, matchLanguage } from '../../core/language/language-choice.ts';
import {
  type DeepLink,
  formatDeepLink,
  type LinkView,
  parseDeepLink,
} from '../../core/links/deep-link.ts';
import type { Tour } from '../../core/manifest/schema.ts';
import { renderCatalogue } from './catalogue-view.ts';
import { LanguagePicker } from './language-picker.ts';
import type { PanelKey } from './panel.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { type TourPageCallbacks, TourPage, type TourPageOptions } from './tour-page.ts';
import { publishedTours, type TourSource } from './tour-source.ts';
import { resolveSceneId } from '../../core/links/scene-links.ts';
import { prefetchViewer } from './viewer-loader.ts';

const LANGUAGE_KEY = 'heritage-tour:language';

export interface AppOptions {
  page?: TourPageOptions;
  /** Kiosks keep no history (there is no back button) and never remember a visitor's language. */
  kiosk?: boolean;
}

/** What the app drives on the tour page (a fake in routing tests). */
export type AppPage = Pick<
  TourPage,
  | 'element'
  | 'currentTourId'
  | 'currentSceneId'
  | 'show'
  | 'goTo'
  | 'lookAt'
  | 'goToStart'
  | 'revealHotspot'
  | 'notify'
  | 'resetVisit'
  | 'offerNarration'
  | 'hide'
  | 'setLanguage'
  | 'closePanel'
>;

/** `history.state` of an entry made by opening a panel. */
interface PanelState {
  panel: PanelKey['kind'];
}
const isPanelState = (state: unknown): state is PanelState =>
  typeof state === 'object' && state !== null && 'panel' in state;

/** Where the app's content and page come from; the browser's by default. */
export interface AppDeps<P extends AppPage> {
  source: TourSource;
  createPage: (t: Translator, callbacks: TourPageCallbacks, options?: TourPageOptions) => P;
  /** Starts fetching the viewer's code early (a link names a tour). */
  prefetchViewer: () => void;
}

export class App<P extends AppPage = TourPage> {
  private readonly i18n: Translator;
  private readonly page: P;
  private readonly source: TourSource;
  private readonly screen: HTMLElement;
  private tours = new Map<string, Tour>();
  private lang: string;
  /** The visitor closed a panel: the Back that follows only takes its entry out. */
  private panelClosing = false;

  private readonly options: AppOptions;

  private constructor(
    root: HTMLElement,
    i18n: Translator,
    lang: string,
    options: AppOptions,
    deps: AppDeps<P>,
  ) {
    this.i18n = i18n;
    this.lang = lang;
    this.options = options;
    this.source = deps.source;
    document.documentElement.lang = lang;
    this.screen = h('div', { class: 'screen' });
    this.page = deps.createPage(
      i18n,
      {
        onSceneChange: (sceneId) => this.recordScene(sceneId),
        onViewChange: (view) => this.recordView(view),
        onLanguageChange: (next) => void this.changeLanguage(next),
        onPanelChange: (key) => this.recordPanel(key),
      },
      options.page,
    );
    replaceChildren(root, this.screen, this.page.element);
  }

  static start(root: HTMLElement, options: AppOptions = {}): Promise<App> {
    return App.startWith(root, options, {
      source: publishedTours,
      createPage: (t, callbacks, pageOptions) => new TourPage(t, callbacks, pageOptions),
      prefetchViewer,
    });
  }

  /** `start` with the content and the page given (tests pass fakes). */
  static async startWith<P extends AppPage>(
    root: HTMLElement,
    options: AppOptions,
    deps: AppDeps<P>,
  ): Promise<App<P>> {
    const link = parseDeepLink(location.hash);
    if (link.tour) deps.prefetchViewer();
    const lang = chooseLanguage({
      available: UI_LANGUAGES,
      fallback: DEFAULT_UI_LANGUAGE,
      fromLink: link.lang,
      saved: options.kiosk ? null : readSavedLanguage(),
      browser: navigator.languages,
    });
    const app = new App<P>(root, await createTranslator(lang), lang, options, deps);
    window.addEventListener('popstate', app.onPopState);
    await app.route();
    return app;
  }

  /** Stops following the address (the page stays as it is). */
  stop(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  private readonly onPopState = (): void => void this.route();

  /** Shows what the address names. */
  async route(): Promise<void> {
    const link = parseDeepLink(location.hash);
    if (!link.tour) return this.showCatalogue(link);
    const tour = await this.tourFor(link.tour);
    if (!tour) return;
    this.screen.hidden = true;
    await this.followLinkLanguage(link);
    // Back from an open panel: the panel goes, the scene and the view stay as they are.
    const closed =
      this.panelClosing ||
      (!link.hotspot && !isPanelState(history.state) && this.page.closePanel());
    this.panelClosing = false;
    const sceneId = link.scene ? resolveSceneId(tour, link.scene) : undefined;
    if (link.scene && !sceneId) {
      const missing = link.scene;
      this.page.notify(() => this.i18n.t('app.sceneNotFound', { scene: missing }));
    } else if (sceneId && sceneId !== link.scene) {
      // An old QR code naming a renamed scene: show the current name in the address bar.
      history.replaceState(null, '', formatDeepLink({ ...link, scene: sceneId }));
    }
    const hotspot = sceneId && link.hotspot ? hotspotOf(tour, sceneId, link.hotspot) : undefined;
    // A hotspot's link looks at the hotspot (unless it names its own view) and opens it.
    const view = link.view ?? (hotspot ? { ...hotspot.position, zoom: 50 } : undefined);
    if (sceneId && hotspot) this.page.revealHotspot(sceneId, hotspot.id);
    if (this.page.currentTourId !== tour.id || this.page.element.hidden) {
      this.page.show(tour, this.lang, sceneId, view);
    } else if (sceneId && sceneId !== this.page.currentSceneId) {
      this.page.goTo(sceneId, view);
    } else if (view && !closed) {
      this.page.lookAt(view);
    }
  }

  get tourPage(): P {
    return this.page;
  }

  get language(): string {
    return this.lang;
  }

  get translator(): Translator {
    return this.i18n;
  }

  /**
   * Starts a fresh visit (kiosk idle reset): panels closed, narration stopped, the language
   * back to `lang`, the tour at its start scene and start view.
   */
  async resetVisit(tourId: string, lang: string): Promise<void> {
    this.page.resetVisit();
    history.replaceState(null, '', formatDeepLink({ tour: tourId, lang }));
    const tour = await this.tourFor(tourId);
    if (!tour) return;
    this.screen.hidden = true;
    if (lang !== this.lang) await this.applyLanguage(lang);
    // Same tour on screen: move within it rather than reload it (no flash, no refetch).
    if (this.page.currentTourId !== tourId || this.page.element.hidden) {
      this.page.show(tour, this.lang);
    } else if (!this.page.goToStart()) {
      // Already at the start scene: no scene change will offer its narration, so offer it here.
      this.page.offerNarration();
    }
  }

  /** Goes to a scene of the current tour (the attract loop), without a history entry. */
  showScene(sceneId: string): void {
    this.page.goTo(sceneId);
  }

  private async showCatalogue(link: DeepLink): Promise<void> {
    this.page.hide();
    this.screen.hidden = false;
    await this.followLinkLanguage(link);
    replaceChildren(this.screen, h('p', { class: 'message' }, this.i18n.t('app.loading')));
    const catalogue = await this.source.loadCatalogue();
    document.title = this.i18n.t('app.name');
    const picker = new LanguagePicker((lang) => {
      void this.changeLanguage(lang).then(() => this.showCatalogue(parseDeepLink(location.hash)));
    });
    picker.setLanguages(UI_LANGUAGES, this.lang);
    picker.setLabel(this.i18n.t('app.language'));
    replaceChildren(
      this.screen,
      h(
        'header',
        { class: 'catalogue-bar' },
        h('p', { class: 'catalogue-bar__name' }, this.i18n.t('app.name')),
        picker.element,
      ),
      renderCatalogue(
        catalogue.ok ? catalogue.value : null,
        this.lang,
        this.i18n.t.bind(this.i18n),
      ),
    );
  }

  private async tourFor(tourId: string): Promise<Tour | null> {
    const cached = this.tours.get(tourId);
    if (cached) return cached;
    this.screen.hidden = false;
    replaceChildren(this.screen, h('p', { class: 'message' }, this.i18n.t('app.loading')));
    const result = await this.source.loadTour(tourId);
    if (result.ok) {
      this.tours.set(tourId, result.value);
      return result.value;
    }
    this.page.hide();
    const notFound = result.problems.some((problem) => problem.code === 'not-found');
    const key = notFound ? 'app.tourNotFound' : 'app.tourError';
    replaceChildren(
      this.screen,
      h(
        'main',
        { class: 'catalogue' },
        h(
          'p',
          { class: 'message message--error', role: 'alert', 'data-testid': 'tour-error' },
          this.i18n.t(key, { tour: tourId }),
        ),
        h('p', {}, h('a', { href: '#/' }, this.i18n.t('app.backToList'))),
      ),
    );
    return null;
  }

  /** A link naming a language the interface has switches to it, whatever the tour has. */
  private async followLinkLanguage(link: DeepLink): Promise<void> {
    const lang = link.lang ? matchLanguage(link.lang, UI_LANGUAGES) : undefined;
    if (lang && lang !== this.lang) await this.applyLanguage(lang);
  }

  private async changeLanguage(lang: string): Promise<void> {
    if (!this.options.kiosk) saveLanguage(lang);
    await this.applyLanguage(lang);
    this.writeAddress({ lang }, 'replace');
  }

  private async applyLanguage(lang: string): Promise<void> {
    this.lang = lang;
    await this.i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    this.page.setLanguage(lang);
  }

  private recordScene(sceneId: string): void {
    const current = parseDeepLink(location.hash);
    // A new scene is a history entry (back/forward walk the visit); the first one is not.
    const mode =
      current.scene && current.scene !== sceneId && !this.options.kiosk ? 'push' : 'replace';
    const view = current.scene === sceneId ? current.view : undefined;
    this.writeAddress({ scene: sceneId, view }, mode, mode === 'push' ? null : undefined);
  }

  private recordView(view: LinkView): void {
    this.writeAddress({ view }, 'replace');
  }

  /**
   * An opened panel is a history entry (the hotspot's in the address, so reload and share
   * reopen it): Back closes it. A panel the visitor closes takes its entry back out.
   */
  private recordPanel(key: PanelKey | null): void {
    const hotspot = key && 'hotspot' in key ? key.hotspot : undefined;
    if (this.options.kiosk) return this.writeAddress({ hotspot }, 'replace');
    if (!key) {
      if (!isPanelState(history.state)) return;
      this.panelClosing = true;
      history.back();
      return;
    }
    const state: PanelState = { panel: key.kind };
    if (isPanelState(history.state)) return this.writeAddress({ hotspot }, 'replace', state);
    // Under the panel's entry lies the scene itself, whether the panel came from a tap or
    // from a link naming the hotspot.
    this.writeAddress({ hotspot: undefined }, 'replace', null);
    this.writeAddress({ hotspot }, 'push', state);
  }

  private writeAddress(
    change: Partial<DeepLink>,
    mode: 'push' | 'replace',
    state: PanelState | null = history.state as PanelState | null,
  ): void {
    const tour = this.page.currentTourId;
    if (!tour || this.page.element.hidden) return;
    const current = parseDeepLink(location.hash);
    const scene = change.scene ?? current.scene ?? this.page.currentSceneId ?? undefined;
    const next: DeepLink = {
      tour,
      scene,
      // A hotspot stays in the address while its panel is open in the same scene.
      hotspot:
        'hotspot' in change
          ? change.hotspot
          : scene === current.scene
            ? current.hotspot
            : undefined,
      view: 'view' in change ? change.view : current.view,
      lang: 'lang' in change ? change.lang : current.lang,
    };
    const hash = formatDeepLink(next);
    if (mode === 'push') history.pushState(state, '', hash);
    else if (hash !== location.hash || state !== history.state) {
      history.replaceState(state, '', hash);
    }
  }
}

/** A scene id or a former id (alias) of one: both open a scene. */
function hotspotOf(tour: Tour, sceneId: string, hotspotId: string) {
  return tour.scenes.find((s) => s.id === sceneId)?.hotspots.find((h) => h.id === hotspotId);
}

function readSavedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

function saveLanguage(lang: string): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Private mode or a full quota: the choice then lasts for this visit only.
  }
}
