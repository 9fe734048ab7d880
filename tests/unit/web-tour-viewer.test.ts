// @vitest-environment happy-dom
/**
 * The tour viewer's scene rules, with a fake panorama viewer (no WebGL): which scene shows,
 * where the camera looks on arrival, and what a failed panorama does.
 */
import type {
  VirtualTourLink,
  VirtualTourNode,
  VirtualTourTransitionOptions,
} from '@photo-sphere-viewer/virtual-tour-plugin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { TourViewer } from '../../src/web/viewer/tour-viewer.ts';
import { on } from '../../src/web/viewer/viewer-events.ts';
import type { NodeUpdate, ViewerPort, ViewerPortEvents } from '../../src/web/viewer/viewer-port.ts';

const RAD = Math.PI / 180;

const tour: Tour = {
  version: 1,
  id: 'demo',
  title: { vi: 'Đền', en: 'Temple' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  startScene: 'gate',
  scenes: [
    {
      id: 'gate',
      title: { vi: 'Cổng', en: 'Gate' },
      panorama: { source: 'panoramas/gate.jpg' },
      startView: { yaw: 10, pitch: 0, zoom: 40 },
      hotspots: [
        {
          id: 'in',
          type: 'scene',
          target: 'hall',
          position: { yaw: 90, pitch: 0 },
          arrival: { yaw: 180, pitch: -5, zoom: 20 },
        },
        {
          id: 'stele',
          type: 'info',
          title: { vi: 'Bia', en: 'Stele' },
          body: { vi: 'Chữ', en: 'Text' },
          position: { yaw: -45, pitch: 0 },
        },
      ],
    },
    {
      id: 'hall',
      title: { vi: 'Hậu cung', en: 'Hall' },
      panorama: { source: 'panoramas/hall.jpg' },
      startView: { yaw: -30, pitch: 5 },
      hotspots: [],
    },
    {
      id: 'yard',
      title: { vi: 'Sân', en: 'Yard' },
      panorama: { source: 'panoramas/yard.jpg' },
      hotspots: [],
    },
  ],
} as Tour;

interface Load {
  nodeId: string;
  transition: VirtualTourTransitionOptions;
  resolve: (done: boolean) => void;
}

/** Loads a scene when told to (`arrive`), or fails it (`fail`), as PSV's plugin would. */
class FakePort implements ViewerPort {
  events!: ViewerPortEvents;
  nodes: VirtualTourNode[] = [];
  loads: Load[] = [];
  current: VirtualTourNode | undefined;
  rotations: Array<{ yaw: number; pitch: number }> = [];
  zooms: number[] = [];
  errorsHidden = 0;
  updates: NodeUpdate[] = [];
  lang: Record<string, string> = {};
  view = { yaw: 0, pitch: 0, zoom: 50 };

  setNodes(nodes: VirtualTourNode[], startId: string): void {
    this.nodes = nodes;
    this.current = undefined;
    void this.setCurrentNode(startId);
  }
  setCurrentNode(nodeId: string, fromLink?: VirtualTourLink): Promise<boolean> {
    const node = this.nodes.find((n) => n.id === nodeId)!;
    const transition = this.events.transitionFor(node, this.current, fromLink);
    return new Promise((resolve) => this.loads.push({ nodeId, transition, resolve }));
  }
  /** The last load completes: its scene is on screen. */
  arrive(): void {
    const load = this.loads.at(-1)!;
    this.current = this.nodes.find((n) => n.id === load.nodeId);
    this.events.nodeChanged(load.nodeId);
    load.resolve(true);
  }
  fail(): void {
    const load = this.loads.at(-1)!;
    this.events.nodeFailed(load.nodeId);
    load.resolve(false);
  }
  updateNode(node: NodeUpdate): void {
    this.updates.push(node);
  }
  currentLinks(): VirtualTourLink[] {
    return this.current?.links ?? [];
  }
  rotate(position: { yaw: number; pitch: number }): void {
    this.rotations.push(position);
  }
  zoom(level: number): void {
    this.zooms.push(level);
  }
  position() {
    return this.view;
  }
  size() {
    return { width: 400, height: 800 };
  }
  tilesDrawn(): Promise<void> {
    return Promise.resolve();
  }
  setLang(lang: Record<string, string>): void {
    this.lang = lang;
  }
  hideError(): void {
    this.errorsHidden++;
  }
  autorotate(): void {}
  destroy(): void {}
}

function setup() {
  const port = new FakePort();
  const viewer = new TourViewer(
    {
      container: document.createElement('div'),
      adapter: { kind: 'equirect', setting: class {} as never },
      psvLang: { loading: 'Loading' },
      labels: {
        goTo: (s) => `Go to ${s}`,
        info: (t) => `Info ${t}`,
        audio: (t) => `Audio ${t}`,
        link: (t) => `Link ${t}`,
      },
    },
    (_setup, events) => {
      port.events = events;
      return port;
    },
  );
  const shown: string[] = [];
  const failed: string[] = [];
  const hotspots: string[] = [];
  on(viewer, 'scene-change', ({ detail }) => shown.push(detail.sceneId));
  on(viewer, 'scene-error', ({ detail }) => failed.push(detail.sceneId));
  on(viewer, 'hotspot', ({ detail }) => hotspots.push(detail.hotspot.id));
  return { port, viewer, shown, failed, hotspots };
}

const show = (
  viewer: TourViewer,
  sceneId?: string,
  view?: { yaw: number; pitch: number; zoom?: number },
) => viewer.showTour({ tour, baseUrl: 'https://site.test/tours/demo/', lang: 'en', sceneId, view });

afterEach(() => vi.useRealTimers());

describe('showing a tour', () => {
  it('opens the start scene at its start view when the link names no scene', () => {
    const { port, viewer, shown } = setup();
    show(viewer);
    expect(port.nodes.map((n) => n.id)).toEqual(['gate', 'hall', 'yard']);
    expect(port.loads.map((l) => l.nodeId)).toEqual(['gate']);
    expect(port.loads[0]!.transition).toMatchObject({
      rotateTo: { yaw: 10 * RAD, pitch: 0 },
      zoomTo: 40,
      // Nothing to fade from on the first scene.
      effect: 'none',
    });
    expect(viewer.sceneId).toBeNull();
    port.arrive();
    expect(viewer.sceneId).toBe('gate');
    expect(shown).toEqual(['gate']);
  });

  it('opens the linked scene at the linked view', () => {
    const { port, viewer } = setup();
    show(viewer, 'hall', { yaw: 45, pitch: 10, zoom: 70 });
    expect(port.loads[0]).toMatchObject({
      nodeId: 'hall',
      transition: { rotateTo: { yaw: 45 * RAD, pitch: 10 * RAD }, zoomTo: 70 },
    });
  });

  it('opens the start scene when the linked scene does not exist', () => {
    const { port, viewer } = setup();
    show(viewer, 'no-such-scene');
    expect(port.loads.map((l) => l.nodeId)).toEqual(['gate']);
  });

  it('shows another tour in the same viewer, from its start', () => {
    const { port, viewer, shown } = setup();
    show(viewer, 'hall');
    port.arrive();
    show(viewer);
    expect(viewer.sceneId).toBeNull();
    port.arrive();
    expect(shown).toEqual(['hall', 'gate']);
  });
});

describe('going to a scene', () => {
  it('loads the scene at its start view, fading from the last one', () => {
    const { port, viewer, shown } = setup();
    show(viewer);
    port.arrive();
    expect(viewer.goTo('hall')).toBe(true);
    expect(port.loads.at(-1)).toMatchObject({
      nodeId: 'hall',
      transition: { rotateTo: { yaw: -30 * RAD, pitch: 5 * RAD }, zoomTo: 50, effect: 'fade' },
    });
    port.arrive();
    expect(shown).toEqual(['gate', 'hall']);
  });

  it('does not load a scene twice while it is loading; a view asked meanwhile applies on arrival', () => {
    const { port, viewer } = setup();
    show(viewer);
    port.arrive();
    viewer.goTo('hall');
    expect(viewer.goTo('hall', { yaw: 90, pitch: 0, zoom: 30 })).toBe(true);
    expect(port.loads.map((l) => l.nodeId)).toEqual(['gate', 'hall']);
    expect(port.rotations).toEqual([]);
    port.arrive();
    expect(port.rotations).toEqual([{ yaw: 90 * RAD, pitch: 0 }]);
    expect(port.zooms).toEqual([30]);
  });

  it('only turns the camera when the scene is already on screen', () => {
    const { port, viewer } = setup();
    show(viewer);
    port.arrive();
    expect(viewer.goTo('gate', { yaw: -90, pitch: 0 })).toBe(false);
    expect(port.loads).toHaveLength(1);
    expect(port.rotations).toEqual([{ yaw: -90 * RAD, pitch: 0 }]);
  });

  it('arrives through a scene hotspot at the view the hotspot names', () => {
    const { port, viewer, shown } = setup();
    show(viewer);
    port.arrive();
    viewer.activateHotspot('in');
    expect(port.loads.at(-1)).toMatchObject({
      nodeId: 'hall',
      transition: { rotateTo: { yaw: 180 * RAD, pitch: -5 * RAD }, zoomTo: 20 },
    });
    port.arrive();
    expect(shown).toEqual(['gate', 'hall']);
  });

  it('reports info hotspots to the page instead of navigating', () => {
    const { port, viewer, hotspots } = setup();
    show(viewer);
    port.arrive();
    viewer.activateHotspot('stele');
    expect(hotspots).toEqual(['stele']);
    expect(port.loads).toHaveLength(1);
  });
});

describe('when a panorama fails', () => {
  it('reports the scene, hides the viewer’s own error, and lets the visitor go on or retry', () => {
    const { port, viewer, shown, failed } = setup();
    show(viewer);
    port.arrive();
    viewer.goTo('hall');
    port.fail();
    expect(failed).toEqual(['hall']);
    expect(port.errorsHidden).toBe(1);
    // The failed scene counts as current: the page shows its title and the error box.
    expect(viewer.sceneId).toBe('hall');
    // Going elsewhere works…
    expect(viewer.goTo('yard')).toBe(true);
    port.arrive();
    // …and so does trying the failed scene again.
    expect(viewer.goTo('hall')).toBe(true);
    port.arrive();
    expect(shown).toEqual(['gate', 'yard', 'hall']);
  });
});

describe('looking around', () => {
  it('tells the page where the visitor looks, once they stop moving', () => {
    vi.useFakeTimers();
    const { port, viewer } = setup();
    const views: unknown[] = [];
    on(viewer, 'view-change', ({ detail }) => views.push(detail.view));
    show(viewer);
    port.arrive();
    port.view = { yaw: 90 * RAD, pitch: 0, zoom: 60 };
    port.events.viewMoved();
    vi.advanceTimersByTime(200);
    port.events.viewMoved();
    vi.advanceTimersByTime(300);
    expect(views).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(views).toEqual([{ yaw: 90, pitch: 0, zoom: 60 }]);
  });

  it('re-labels every scene in place when the language changes', () => {
    const { port, viewer } = setup();
    show(viewer);
    port.arrive();
    viewer.setLanguage(
      'vi',
      { loading: 'Đang tải' },
      {
        goTo: (s) => `Đến ${s}`,
        info: (t) => t,
        audio: (t) => t,
        link: (t) => t,
      },
    );
    expect(port.lang).toEqual({ loading: 'Đang tải' });
    expect(port.updates.map((u) => [u.id, u.name])).toEqual([
      ['gate', 'Cổng'],
      ['hall', 'Hậu cung'],
      ['yard', 'Sân'],
    ]);
    expect(port.loads).toHaveLength(1);
  });
});
