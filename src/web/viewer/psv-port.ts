/**
 * The real `ViewerPort`: one Photo Sphere Viewer with the markers, gallery, autorotate and
 * (failure-tolerant) virtual tour plugins. The only module of the viewer that builds PSV.
 */
import { AutorotatePlugin } from '@photo-sphere-viewer/autorotate-plugin';
import { Viewer } from '@photo-sphere-viewer/core';
import { GalleryPlugin } from '@photo-sphere-viewer/gallery-plugin';
import { MarkersPlugin } from '@photo-sphere-viewer/markers-plugin';
import '@photo-sphere-viewer/core/index.css';
import '@photo-sphere-viewer/markers-plugin/index.css';
import '@photo-sphere-viewer/virtual-tour-plugin/index.css';
import '@photo-sphere-viewer/gallery-plugin/index.css';
import { TourPlugin } from './tour-plugin.ts';
import type { ViewerPort, ViewerPortFactory } from './viewer-port.ts';

const IDLE_AUTOROTATE_MS = 30_000;

/** Throws when the browser has no WebGL 2 (PSV does). */
export const createPsvPort: ViewerPortFactory = (setup, events): ViewerPort => {
  const psv = new Viewer({
    container: setup.container,
    adapter: setup.adapter,
    lang: setup.psvLang,
    loadingTxt: setup.psvLang.loading ?? '',
    navbar: ['zoom', 'autorotate', 'gallery', 'fullscreen'],
    canvasBackground: '#111',
    touchmoveTwoFingers: false,
    mousewheelCtrlKey: false,
    defaultTransition: { speed: 600, rotation: false, effect: 'fade' },
    plugins: [
      [MarkersPlugin, {}],
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
          preload: setup.preload,
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
  psv
    .getPlugin<MarkersPlugin>(MarkersPlugin)
    .addEventListener('select-marker', ({ marker }) => events.markerSelected(marker.config.data));
  const moved = () => events.viewMoved();
  psv.addEventListener('position-updated', moved);
  psv.addEventListener('zoom-updated', moved);
  return {
    setNodes: (nodes, startId) => plugin.setNodes(nodes, startId),
    setCurrentNode: (nodeId, fromLink) => plugin.setCurrentNode(nodeId, undefined, fromLink),
    updateNode: (node) => plugin.updateNode(node),
    currentLinks: () => plugin.getCurrentNode()?.links ?? [],
    rotate: (position) => psv.rotate(position),
    zoom: (level) => psv.zoom(level),
    position: () => ({ ...psv.getPosition(), zoom: psv.getZoomLevel() }),
    size: () => psv.getSize(),
    setLang: (lang) => psv.setOption('lang', lang),
    hideError: () => {
      psv.hideError();
      psv.loader.hide();
    },
    autorotate: (on) => (on ? autorotate.start() : autorotate.stop()),
    destroy: () => psv.destroy(),
  };
};
