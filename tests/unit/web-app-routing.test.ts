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
  }
  notify(text: string): void {
    this.notes.push(text);
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
    this.callbacks.onSceneChange(sceneId);
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

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

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

  it('speaks the browser’s language when the link names none', async () => {
    const { page } = await open('#/demo/gate');
    expect(page.calls[0]).toEqual(['show', 'demo', 'vi', 'gate', undefined]);
    expect(location.hash).toBe('#/demo/gate?l=vi');
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

  it('looks at a hotspot and opens it when the link names one', async () => {
    const { page } = await open('#/demo/hall/stele?l=en');
    expect(page.calls).toEqual([
      ['reveal', 'hall', 'stele'],
      ['show', 'demo', 'en', 'hall', { yaw: 30, pitch: -10, zoom: 50 }],
    ]);
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
    history.back();
    await settle();
    expect(page.calls.at(-1)).toEqual(['goTo', 'gate', undefined]);
    expect(page.currentSceneId).toBe('gate');
    history.forward();
    await settle();
    expect(page.calls.at(-1)).toEqual(['goTo', 'hall', undefined]);
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
    await settle();
    expect(page.calls.at(-1)).toEqual(['lookAt', { yaw: 45, pitch: 0 }]);
  });

  it('shows the list of tours when the address names none', async () => {
    const { page } = await open('#/demo/gate?l=en');
    history.pushState(null, '', '#/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(page.element.hidden).toBe(true);
    expect(root.querySelector('[data-testid="catalogue"]')).not.toBeNull();
  });
});
