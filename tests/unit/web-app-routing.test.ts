// @vitest-environment happy-dom
/**
 * The app's routing: what the address names is what the visitor sees, with a fake tour
 * source and a fake tour page (no viewer, no network).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkView } from '../../src/core/links/deep-link.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { failure, success } from '../../src/core/result.ts';
import { App, type AppPage } from '../../src/web/app/app.ts';
import type { PanelKey } from '../../src/web/app/panel.ts';
import type { TourPageCallbacks } from '../../src/web/app/tour-page.ts';
import type { TourSource } from '../../src/web/app/tour-source.ts';
import { loadProblem } from '../../src/web/net/problems.ts';

const tour: Tour = {
  version: 1,
  id: 'demo',
  title: { vi: 'Đền', en: 'Temple' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  startScene: 'gate',
  scenes: [
    { id: 'gate', title: { vi: 'Cổng' }, panorama: { source: 'p/gate.jpg' }, hotspots: [] },
    {
      id: 'hall',
      aliases: ['old-hall'],
      title: { vi: 'Hậu cung' },
      panorama: { source: 'p/hall.jpg' },
      hotspots: [
        {
          id: 'stele',
          type: 'info',
          title: { vi: 'Bia' },
          position: { yaw: 30, pitch: -10 },
        },
      ],
    },
  ],
} as Tour;

/** Records what the app asks and arrives at once, as a loaded viewer would. */
class FakePage implements AppPage {
  readonly element = document.createElement('div');
  currentTourId: string | null = null;
  currentSceneId: string | null = null;
  calls: unknown[][] = [];
  notes: string[] = [];
  language = '';
  /** What the page's panel shows, as the real page would after `reveal` or a tap. */
  panel: PanelKey | null = null;

  constructor(readonly callbacks: TourPageCallbacks) {
    this.element.hidden = true;
  }
  show(shown: Tour, lang: string, sceneId?: string, view?: LinkView): void {
    this.calls.push(['show', shown.id, lang, sceneId, view]);
    this.element.hidden = false;
    this.currentTourId = shown.id;
    this.language = lang;
    this.arrive(sceneId ?? shown.startScene!);
  }
  goTo(sceneId: string, view?: LinkView): void {
    this.calls.push(['goTo', sceneId, view]);
    this.arrive(sceneId);
  }
  lookAt(view: LinkView): void {
    this.calls.push(['lookAt', view]);
  }
  goToStart(): boolean {
    this.arrive('gate');
    return true;
  }
  revealHotspot(sceneId: string, hotspotId: string): void {
    this.calls.push(['reveal', sceneId, hotspotId]);
    this.pending = { kind: 'info', hotspot: hotspotId };
  }
  private pending: PanelKey | null = null;
  /** The visitor opens a panel (a tap on a hotspot, the About button…). */
  openPanel(key: PanelKey): void {
    this.panel = key;
    this.callbacks.onPanelChange(key);
  }
  /** The visitor closes it with its × (or Escape). */
  dismissPanel(): void {
    this.panel = null;
    this.callbacks.onPanelChange(null);
  }
  closePanel(): boolean {
    const open = this.panel !== null;
    this.panel = null;
    return open;
  }
  notify(text: string | (() => string)): void {
    this.notes.push(typeof text === 'string' ? text : text());
  }
  resetVisit(): void {}
  offerNarration(): void {}
  hide(): void {
    this.element.hidden = true;
  }
  setLanguage(lang: string): void {
    this.language = lang;
  }
  /** The visitor follows a hotspot to another scene. */
  walkTo(sceneId: string): void {
    this.arrive(sceneId);
  }
  private arrive(sceneId: string): void {
    this.currentSceneId = sceneId;
    this.panel = null;
    this.callbacks.onSceneChange(sceneId);
    const pending = this.pending;
    this.pending = null;
    if (pending) this.openPanel(pending);
  }
}

let app: App<FakePage> | undefined;
let loads: string[];
let root: HTMLElement;

const source: TourSource = {
  loadCatalogue: async () => success([]),
  loadTour: async (tourId) => {
    loads.push(tourId);
    return tourId === 'demo'
      ? success(tour)
      : failure(loadProblem('not-found', `tours/${tourId}/tour.json`));
  },
};

async function open(hash: string): Promise<{ app: App<FakePage>; page: FakePage }> {
  history.replaceState(null, '', hash);
  app = await App.startWith(
    root,
    {},
    {
      source,
      createPage: (_t, callbacks) => new FakePage(callbacks),
      prefetchViewer: () => undefined,
    },
  );
  return { app, page: app.tourPage };
}

/** Steps through history and waits until the address says the step is done. */
async function go(step: () => void, hash: string): Promise<void> {
  step();
  await vi.waitFor(() => expect(location.hash).toBe(hash));
}

/** Lets the app's async route finish (it awaits the tour source once per step). */
const routed = (check: () => void) => vi.waitFor(check);

beforeEach(() => {
  loads = [];
  localStorage.clear();
  root = document.createElement('div');
  document.body.replaceChildren(root);
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['vi-VN']);
});

afterEach(() => {
  app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

describe('a deep link', () => {
  it('opens the tour at the named scene and view, in the named language', async () => {
    const { page } = await open('#/demo/hall?v=90,10,30&l=en');
    expect(page.calls).toEqual([['show', 'demo', 'en', 'hall', { yaw: 90, pitch: 10, zoom: 30 }]]);
    expect(document.documentElement.lang).toBe('en');
    // The address still says where the visitor is.
    expect(location.hash).toBe('#/demo/hall?v=90,10,30&l=en');
  });

  it('speaks the browser’s language when the link names none, and adds none to the address', async () => {
    const { page } = await open('#/demo/gate');
    expect(page.calls[0]).toEqual(['show', 'demo', 'vi', 'gate', undefined]);
    expect(location.hash).toBe('#/demo/gate');
  });

  it('speaks a Korean phone’s language on a tour that has only vi and en', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ko-KR', 'en-US']);
    const { page } = await open('#/demo/gate');
    expect(page.calls[0]).toEqual(['show', 'demo', 'ko', 'gate', undefined]);
    expect(document.documentElement.lang).toBe('ko');
    expect(location.hash).toBe('#/demo/gate');
  });

  it('honours l=fr on a Vietnamese phone, though the tour has no French, and keeps it', async () => {
    const { page } = await open('#/demo/gate?l=fr');
    expect(page.calls[0]).toEqual(['show', 'demo', 'fr', 'gate', undefined]);
    page.walkTo('hall');
    expect(location.hash).toBe('#/demo/hall?l=fr');
  });

  it('keeps a language chosen on the list of tours when a tour is opened', async () => {
    const { app, page } = await open('#/');
    const picker = root.querySelector<HTMLSelectElement>('[data-testid="language"]')!;
    await routed(() => expect(picker.options).toHaveLength(6));
    picker.value = 'ko';
    picker.dispatchEvent(new Event('change'));
    await routed(() => expect(app.language).toBe('ko'));
    await go(() => history.pushState(null, '', '#/demo'), '#/demo');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await routed(() => expect(page.calls[0]).toEqual(['show', 'demo', 'ko', undefined, undefined]));
    expect(localStorage.getItem('heritage-tour:language')).toBe('ko');
  });

  it('opens a renamed scene by its old name, and shows the new name in the address', async () => {
    const { page } = await open('#/demo/old-hall?l=en');
    expect(page.calls[0]).toEqual(['show', 'demo', 'en', 'hall', undefined]);
    expect(location.hash).toBe('#/demo/hall?l=en');
  });

  it('opens the start scene, and says so, when the scene does not exist', async () => {
    const { page } = await open('#/demo/crypt?l=en');
    expect(page.calls[0]).toEqual(['show', 'demo', 'en', undefined, undefined]);
    expect(page.notes).toHaveLength(1);
    expect(page.notes[0]).toContain('crypt');
    expect(location.hash).toBe('#/demo/gate?l=en');
  });

  it('looks at a hotspot and opens it when the link names one, keeping it in the address', async () => {
    const { page } = await open('#/demo/hall/stele?l=en');
    expect(page.calls).toEqual([
      ['reveal', 'hall', 'stele'],
      ['show', 'demo', 'en', 'hall', { yaw: 30, pitch: -10, zoom: 50 }],
    ]);
    expect(page.panel).toEqual({ kind: 'info', hotspot: 'stele' });
    expect(location.hash).toBe('#/demo/hall/stele?l=en');
  });

  it('says the tour does not exist, with a way back to the list', async () => {
    const { page } = await open('#/nowhere/gate?l=en');
    expect(page.calls).toEqual([]);
    const message = root.querySelector('[data-testid="tour-error"]');
    expect(message?.textContent).toContain('nowhere');
    expect(root.querySelector('a[href="#/"]')).not.toBeNull();
  });
});

describe('moving through the visit', () => {
  it('makes each scene change a history entry that back and forward walk', async () => {
    const { page } = await open('#/demo/gate?l=en');
    page.walkTo('hall');
    expect(location.hash).toBe('#/demo/hall?l=en');
    await go(() => history.back(), '#/demo/gate?l=en');
    await routed(() => expect(page.calls.at(-1)).toEqual(['goTo', 'gate', undefined]));
    expect(page.currentSceneId).toBe('gate');
    await go(() => history.forward(), '#/demo/hall?l=en');
    await routed(() => expect(page.calls.at(-1)).toEqual(['goTo', 'hall', undefined]));
    // The tour was fetched once for the whole visit.
    expect(loads).toEqual(['demo']);
  });

  it('keeps looking around out of the history', async () => {
    const { page } = await open('#/demo/gate?l=en');
    const length = history.length;
    page.callbacks.onViewChange({
      yaw: 12,
      pitch: 3,
      zoom: 50,
    });
    expect(location.hash).toBe('#/demo/gate?v=12,3,50&l=en');
    expect(history.length).toBe(length);
  });

  it('turns the camera when only the view in the address changes', async () => {
    const { page } = await open('#/demo/gate?l=en');
    history.pushState(null, '', '#/demo/gate?v=45,0&l=en');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await routed(() => expect(page.calls.at(-1)).toEqual(['lookAt', { yaw: 45, pitch: 0 }]));
  });

  it('shows the list of tours when the address names none', async () => {
    const { page } = await open('#/demo/gate?l=en');
    history.pushState(null, '', '#/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await routed(() => expect(root.querySelector('[data-testid="catalogue"]')).not.toBeNull());
    expect(page.element.hidden).toBe(true);
  });
});

describe('an open panel is a history entry', () => {
  it('puts the hotspot in the address while its panel is open; Back closes it, in the scene', async () => {
    const { page } = await open('#/demo/hall');
    const length = history.length;
    page.openPanel({ kind: 'info', hotspot: 'stele' });
    expect(location.hash).toBe('#/demo/hall/stele');
    expect(history.length).toBe(length + 1);
    await go(() => history.back(), '#/demo/hall');
    await routed(() => expect(page.panel).toBeNull());
    // Still in the scene: no new scene, no camera jump, the tour not left.
    expect(page.calls).toEqual([['show', 'demo', 'vi', 'hall', undefined]]);
    expect(page.element.hidden).toBe(false);
  });

  it('Back from a panel opened by a hotspot link stays in its scene too', async () => {
    const { page } = await open('#/demo/hall/stele');
    expect(page.panel).not.toBeNull();
    await go(() => history.back(), '#/demo/hall');
    await routed(() => expect(page.panel).toBeNull());
    expect(page.currentSceneId).toBe('hall');
    expect(page.element.hidden).toBe(false);
  });

  it('takes the entry back out when the visitor closes the panel', async () => {
    const { page } = await open('#/demo/hall');
    const length = history.length;
    page.openPanel({ kind: 'about' });
    expect(location.hash).toBe('#/demo/hall');
    page.dismissPanel();
    await vi.waitFor(() => expect(history.state).toBeNull());
    expect(location.hash).toBe('#/demo/hall');
    // Back now leaves the scene's entry, not a ghost of the closed panel.
    expect(history.length).toBe(length + 1);
    expect(page.calls).toEqual([['show', 'demo', 'vi', 'hall', undefined]]);
  });

  it('keeps the hotspot in the address while the visitor looks around with the panel open', async () => {
    const { page } = await open('#/demo/hall');
    page.openPanel({ kind: 'info', hotspot: 'stele' });
    page.callbacks.onViewChange({ yaw: 10, pitch: 0, zoom: 50 });
    expect(location.hash).toBe('#/demo/hall/stele?v=10,0,50');
  });
});
