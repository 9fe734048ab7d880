/**
 * The editor's panorama: one Photo Sphere Viewer (never recreated) with a marker per hotspot.
 * A click places a hotspot, a click on a marker selects it, dragging a marker moves it.
 * Angles are degrees outside this file, radians inside PSV.
 */
import { Viewer } from '@photo-sphere-viewer/core';
import { MarkersPlugin } from '@photo-sphere-viewer/markers-plugin';
import '@photo-sphere-viewer/core/index.css';
import '@photo-sphere-viewer/markers-plugin/index.css';
import type { Position, View } from '../core/manifest/schema.ts';
import { positionToRadians, toDegrees, toRadians, viewFromRadians } from '../core/angles.ts';
import { type IconName, icon as svgIcon } from '../web/ui/icons.ts';

export interface EditorMarker {
  id: string;
  type: 'scene' | 'info' | 'audio' | 'link';
  position: Position;
  label: string;
  selected: boolean;
  /** Just placed by the editor, not by a click: it flashes so the author finds it. */
  flash?: boolean;
}

export interface ShownScene {
  /** Changes when another panorama is shown. */
  key: string;
  url: string;
  startView: View | undefined;
  markers: EditorMarker[];
}

export interface PanoramaViewHandlers {
  onClick: (position: Position) => void;
  onSelect: (hotspotId: string) => void;
  onMove: (hotspotId: string, position: Position) => void;
}

/** The viewer's drawn icons (a text arrow or note is an empty box without a symbol font). */
const ICONS: Record<EditorMarker['type'], IconName> = {
  scene: 'go',
  info: 'info',
  audio: 'speaker',
  link: 'external',
};
const DRAG_THRESHOLD_PX = 4;

export class PanoramaView {
  private viewer: Viewer | undefined;
  private markers: MarkersPlugin | undefined;
  private shownKey: string | undefined;
  private readonly canvasBox: HTMLElement;
  private readonly message: HTMLElement;

  constructor(
    private readonly box: HTMLElement,
    private readonly handlers: PanoramaViewHandlers,
  ) {
    this.canvasBox = document.createElement('div');
    this.canvasBox.className = 'ed-psv';
    this.message = document.createElement('p');
    this.message.className = 'ed-hint ed-viewer-message';
    box.append(this.canvasBox, this.message);
  }

  hide(message: string): void {
    this.canvasBox.hidden = true;
    this.message.hidden = false;
    this.message.textContent = message;
  }

  show(scene: ShownScene): void {
    this.canvasBox.hidden = false;
    this.message.hidden = true;
    const viewer = this.ensureViewer();
    if (scene.key !== this.shownKey) {
      this.shownKey = scene.key;
      const start = scene.startView ?? { yaw: 0, pitch: 0 };
      void viewer
        .setPanorama(scene.url, {
          position: positionToRadians(start),
          zoom: start.zoom ?? 50,
          transition: false,
        })
        .catch(() => undefined);
    }
    this.setMarkers(scene.markers);
  }

  /** Where the camera looks now, in degrees. */
  currentView(): View {
    if (!this.viewer) return { yaw: 0, pitch: 0 };
    const position = this.viewer.getPosition();
    const view = viewFromRadians(position.yaw, position.pitch, this.viewer.getZoomLevel());
    return { yaw: view.yaw, pitch: view.pitch, zoom: view.zoom };
  }

  /**
   * Turns the camera to a direction (degrees) at once: a panel's "Xem" button. PSV's
   * `stopAll` first (public in its code, left out of its types): it also ends the glide of a
   * drag, which would otherwise carry the camera on past the direction. Not `animate`: it
   * lasts at least PSV's minimum duration even at speed 0.
   */
  lookAt(view: { yaw: number; pitch: number; zoom?: number | undefined }): void {
    const viewer = this.viewer as (Viewer & { stopAll?: () => unknown }) | undefined;
    if (!viewer) return;
    viewer.stopAll?.();
    viewer.rotate(positionToRadians(view));
    if (view.zoom !== undefined) viewer.zoom(view.zoom);
  }

  private ensureViewer(): Viewer {
    if (this.viewer) return this.viewer;
    const viewer = new Viewer({
      container: this.canvasBox,
      navbar: ['zoom', 'move', 'caption'],
      plugins: [[MarkersPlugin, { markers: [] }]],
      defaultZoomLvl: 50,
      mousewheelCtrlKey: false,
      touchmoveTwoFingers: false,
    });
    viewer.addEventListener('click', ({ data }) => {
      if (data.rightclick) return;
      if (data.target instanceof Element && data.target.closest('.ed-marker')) return;
      this.handlers.onClick({
        yaw: normalizeYaw(toDegrees(data.yaw)),
        pitch: toDegrees(data.pitch),
      });
    });
    this.viewer = viewer;
    this.markers = viewer.getPlugin<MarkersPlugin>(MarkersPlugin);
    return viewer;
  }

  private setMarkers(markers: readonly EditorMarker[]): void {
    const plugin = this.markers;
    if (!plugin) return;
    plugin.clearMarkers();
    for (const marker of markers) {
      plugin.addMarker({
        id: marker.id,
        element: this.markerElement(marker),
        position: positionToRadians(marker.position),
        anchor: 'center center',
        data: { hotspotId: marker.id },
      });
    }
  }

  private markerElement(marker: EditorMarker): HTMLElement {
    const element = document.createElement('div');
    element.className = `ed-marker ed-marker-${marker.type}${marker.selected ? ' selected' : ''}`;
    element.classList.toggle('flash', marker.flash === true);
    element.dataset.hotspot = marker.id;
    const icon = document.createElement('span');
    icon.className = 'ed-marker-icon';
    icon.append(svgIcon(ICONS[marker.type]));
    const label = document.createElement('span');
    label.className = 'ed-marker-label';
    label.textContent = marker.label;
    element.append(icon, label);
    element.addEventListener('pointerdown', (event) => this.startDrag(event, marker));
    return element;
  }

  /** Our own pointer handling: PSV must neither rotate nor place a hotspot meanwhile. */
  private startDrag(event: PointerEvent, marker: EditorMarker): void {
    if (event.button !== 0 || !this.viewer || !this.markers) return;
    event.preventDefault(); // no compatibility mouse events: PSV does not rotate
    event.stopPropagation();
    const element = event.currentTarget;
    if (!(element instanceof HTMLElement)) return;
    element.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startY = event.clientY;
    let dragging = false;
    let last: Position | undefined;
    const viewer = this.viewer;
    const plugin = this.markers;
    const onMove = (move: PointerEvent) => {
      if (
        !dragging &&
        Math.hypot(move.clientX - startX, move.clientY - startY) < DRAG_THRESHOLD_PX
      ) {
        return;
      }
      dragging = true;
      const rect = viewer.container.getBoundingClientRect();
      const spherical = viewer.dataHelper.viewerCoordsToSphericalCoords({
        x: move.clientX - rect.left,
        y: move.clientY - rect.top,
      });
      if (!spherical) return;
      last = { yaw: normalizeYaw(toDegrees(spherical.yaw)), pitch: toDegrees(spherical.pitch) };
      plugin.updateMarker({
        id: marker.id,
        position: { yaw: toRadians(last.yaw), pitch: toRadians(last.pitch) },
      });
    };
    const onUp = () => {
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerup', onUp);
      element.removeEventListener('pointercancel', onUp);
      if (dragging && last) this.handlers.onMove(marker.id, last);
      else if (!dragging) this.handlers.onSelect(marker.id);
    };
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerup', onUp);
    element.addEventListener('pointercancel', onUp);
  }
}

/** Yaw in (-180, 180]: what authors read most easily. */
function normalizeYaw(yaw: number): number {
  const wrapped = ((((yaw + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}
