/**
 * The real `ViewerPort`: one Photo Sphere Viewer with the markers, gallery, autorotate,
 * gyroscope (phones only) and (failure-tolerant) virtual tour plugins. The only module of the
 * viewer that builds PSV.
 */
import { AutorotatePlugin } from '@photo-sphere-viewer/autorotate-plugin';
import { Viewer } from '@photo-sphere-viewer/core';
import { GalleryPlugin } from '@photo-sphere-viewer/gallery-plugin';
import { MarkersPlugin } from '@photo-sphere-viewer/markers-plugin';
import '@photo-sphere-viewer/core/index.css';
import '@photo-sphere-viewer/markers-plugin/index.css';
import '@photo-sphere-viewer/virtual-tour-plugin/index.css';
import '@photo-sphere-viewer/gallery-plugin/index.css';
import { gyroscopePlugin, steerWithPhone } from './gyroscope.ts';
import { tilesDrawn } from './tiles-drawn.ts';
import { TourPlugin } from './tour-plugin.ts';
import type { ViewerPort, ViewerPortFactory } from './viewer-port.ts';

const IDLE_AUTOROTATE_MS = 30_000;

/** Throws when the browser has no WebGL 2 (PSV does). */
export const createPsvPort: ViewerPortFactory = (setup, events): ViewerPort => {
  // The view following the hand is motion a visitor asking for less did not ask for.
  const gyroscope = setup.gyroscope && !setup.reducedMotion;
  const psv = new Viewer({
    container: setup.container,
    adapter: setup.adapter,
    lang: setup.psvLang,
    loadingTxt: setup.psvLang.loading ?? '',
    navbar: ['zoom', 'autorotate', ...(gyroscope ? ['gyroscope'] : []), 'gallery', 'fullscreen'],
    canvasBackground: '#111',
    touchmoveTwoFingers: false,
    mousewheelCtrlKey: false,
    defaultTransition: { speed: 600, rotation: false, effect: 'fade' },
    plugins: [
      [MarkersPlugin, {}],
      ...(gyroscope ? [gyroscopePlugin()] : []),
      [
        GalleryPlugin,
        { visibleOnLoad: false, hideOnClick: true, thumbnailSize: { width: 160, height: 90 } },
      ],
      [
        AutorotatePlugin,
        {
          autostartDelay: setup.reducedMotion ? null : IDLE_AUTOROTATE_MS,
          autostartOnIdle: !setup.reducedMotion,
          autorotateSpeed: '1rpm',
          autorotatePitch: 0,
        },
      ],
      [
        TourPlugin,
        {
          renderMode: '2d',
          preload: (_node: unknown, link: { nodeId: string }) => setup.preload(link.nodeId),
          showLinkTooltip: false,
          transitionOptions: events.transitionFor,
        },
      ],
    ],
  });
  const plugin = psv.getPlugin<TourPlugin>(TourPlugin);
  const autorotate = psv.getPlugin<AutorotatePlugin>(AutorotatePlugin);
  plugin.onNodeFailed = (nodeId) => events.nodeFailed(nodeId);
  plugin.addEventListener('node-changed', ({ node }) => events.nodeChanged(node.id));
  // After the page's own arrival rules (above), so it steers from the arrival view.
  const unsteer = gyroscope ? steerWithPhone(psv, { autorotate, tour: plugin }) : () => undefined;
  psv
    .getPlugin<MarkersPlugin>(MarkersPlugin)
    .addEventListener('select-marker', ({ marker }) => events.markerSelected(marker.config.data));
  const moved = () => events.viewMoved();
  psv.addEventListener('position-updated', moved);
  psv.addEventListener('zoom-updated', moved);
  // A lost WebGL context that comes back: three.js uploads the textures again on the next
  // frame, but PSV draws only when told to (events do not bubble: capture on the container).
  const redraw = () => psv.needsUpdate();
  setup.container.addEventListener('webglcontextrestored', redraw, true);
  return {
    setNodes: (nodes, startId) => plugin.setNodes(nodes, startId),
    checkNodes: (nodes) => plugin.checkNodes(nodes),
    setCurrentNode: (nodeId, fromLink) => plugin.setCurrentNode(nodeId, undefined, fromLink),
    updateNode: (node) => plugin.updateNode(node),
    currentLinks: () => plugin.getCurrentNode()?.links ?? [],
    rotate: (position) => psv.rotate(position),
    zoom: (level) => psv.zoom(level),
    position: () => ({ ...psv.getPosition(), zoom: psv.getZoomLevel() }),
    size: () => psv.getSize(),
    tilesDrawn: () => tilesDrawn(psv),
    setLang: (lang) => {
      psv.setOption('lang', lang);
      // PSV names its side panel's × once, at start: re-name it with the rest.
      for (const close of setup.container.querySelectorAll<HTMLElement>(
        '.psv-panel-close-button',
      )) {
        close.title = lang.close ?? close.title;
      }
    },
    hideError: () => {
      psv.hideError();
      psv.loader.hide();
    },
    autorotate: (on) => (on ? autorotate.start() : autorotate.stop()),
    destroy: () => {
      unsteer();
      setup.container.removeEventListener('webglcontextrestored', redraw, true);
      psv.destroy();
    },
  };
};
