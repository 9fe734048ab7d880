/**
 * The box the 360° viewer lives in. It loads the viewer's code on first use (and again for a
 * tour needing another adapter), remembers what to show until the viewer is ready, says so
 * with a retry button when the code cannot be fetched, and hands over to a readable list of
 * scenes when the browser has no WebGL.
 */
import type { Translator } from '../i18n/i18n.ts';
import type { LinkView } from '../../core/links/deep-link.ts';
import type { Tour } from '../../core/manifest/schema.ts';
import type { AdapterKind } from '../viewer/panorama-config.ts';
import type { ShowTourOptions, TourViewer } from '../viewer/tour-viewer.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { VIEWER_MOUNTED } from '../viewer/viewer-events.ts';
import { createViewer, viewerKindFor, type ViewerSettings } from './viewer-loader.ts';

/** How long a lost WebGL context may take to come back before the viewer is made anew. */
const CONTEXT_RESTORE_MS = 3000;

export interface ViewerHostEvents {
  /** The viewer settings as of now (language, labels…), for a viewer being created. */
  settings(): Omit<ViewerSettings, 'container'>;
  /** A new viewer is ready: listen to it. */
  ready(viewer: TourViewer): void;
  /** No WebGL: what to show instead (the page also hides what needs the viewer). */
  withoutWebgl(tour: Tour): HTMLElement;
}

export class ViewerHost {
  readonly element: HTMLDivElement;
  private viewer: TourViewer | null = null;
  /** What to show once the viewer is ready (it may still be downloading). */
  private request: ShowTourOptions | null = null;
  private kind: AdapterKind | null = null;
  private mounting = 0;

  constructor(
    private readonly i18n: Translator,
    private readonly events: ViewerHostEvents,
    private readonly create: typeof createViewer = createViewer,
  ) {
    this.element = h('div', { class: 'viewer', 'data-testid': 'viewer' });
    // WebGL context events do not bubble: the capture phase sees them on the way down.
    this.element.addEventListener('webglcontextlost', this.onContextLost, true);
    this.element.addEventListener('webglcontextrestored', this.onContextRestored, true);
  }

  /**
   * A lost WebGL context (GPU reset, driver update, too many contexts) usually comes back
   * by itself, and the viewer then draws again. If it does not within a few seconds, a new
   * viewer — a new canvas, a new context — takes over at the same scene and view.
   */
  private contextTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onContextLost = () => {
    clearTimeout(this.contextTimer);
    this.contextTimer = setTimeout(() => this.recreate(), CONTEXT_RESTORE_MS);
  };
  private readonly onContextRestored = () => clearTimeout(this.contextTimer);

  private recreate(): void {
    if (!this.viewer || !this.request) return;
    this.request = {
      ...this.request,
      sceneId: this.viewer.sceneId ?? this.request.sceneId,
      view: this.viewer.currentView(),
    };
    void this.mount(this.request.tour);
  }

  /** The live viewer, or null while it loads (or without WebGL). */
  get current(): TourViewer | null {
    return this.viewer;
  }

  show(request: ShowTourOptions): void {
    this.request = request;
    if (this.viewer && this.kind === viewerKindFor(request.tour)) this.viewer.showTour(request);
    else void this.mount(request.tour);
  }

  /** Goes to a scene now, or once the viewer is ready. */
  goTo(sceneId: string, view?: LinkView): void {
    if (this.viewer) this.viewer.goTo(sceneId, view);
    else if (this.request) this.request = { ...this.request, sceneId, view };
  }

  private async mount(tour: Tour): Promise<void> {
    const mount = ++this.mounting;
    let loaded: Awaited<ReturnType<typeof createViewer>>;
    try {
      this.viewer?.destroy();
      this.viewer = null;
      replaceChildren(this.element);
      loaded = await this.create(tour, { ...this.events.settings(), container: this.element });
    } catch {
      if (mount === this.mounting) this.showUnavailable(tour);
      return;
    }
    if (mount !== this.mounting) {
      loaded?.viewer.destroy();
      return;
    }
    if (!loaded) {
      replaceChildren(this.element, this.events.withoutWebgl(tour));
      this.announce(null);
      return;
    }
    this.viewer = loaded.viewer;
    this.kind = loaded.kind;
    this.events.ready(loaded.viewer);
    this.announce(loaded.viewer);
    if (this.request) this.viewer.showTour(this.request);
  }

  private announce(viewer: TourViewer | null): void {
    this.element.dispatchEvent(new CustomEvent(VIEWER_MOUNTED, { detail: viewer }));
  }

  /** The viewer's code could not be fetched (offline, never cached): say so, offer a retry. */
  private showUnavailable(tour: Tour): void {
    const retry = h('button', { type: 'button', class: 'button' }, this.i18n.t('app.retry'));
    retry.addEventListener('click', () => void this.mount(this.request?.tour ?? tour));
    this.announce(null);
    replaceChildren(
      this.element,
      h(
        'p',
        { class: 'message message--error', role: 'alert' },
        this.i18n.t('app.viewerUnavailable'),
      ),
      retry,
    );
  }
}
