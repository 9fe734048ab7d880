/**
 * The first frame of a scene switch, drawn without WebGL. PSV shows a new scene only once its
 * texture is made and uploaded and a frame rendered — on a cheap phone with a software or weak
 * GPU that is seconds after the tap. The neighbour's preview (the small equirectangular picture
 * the viewer fetches once the scene on screen has its tiles) is decoded here ahead of time, so
 * at the tap its arrival view is resampled on the CPU (the same camera the build's posters
 * use, core/first-view) into a 2D canvas over the viewer, in a few milliseconds. It is the very picture PSV starts from, at the same framing;
 * when PSV shows the scene itself, the canvas fades away.
 */
import { type RawPixels, renderView } from '../../core/first-view/poster-sampling.ts';
import { type StartView, verticalFov } from '../../core/first-view/view-geometry.ts';

/** `performance.mark` name once the first frame of a switch has been painted (the bench reads it). */
export const SWITCH_PAINTED_MARK = 'scene-switch-painted';
/**
 * Canvas rows per source row the view spans: the preview is small (512 px round, 1.4 px a
 * degree), so twice its rows is all the detail there is — on a phone a quarter of the screen's
 * CSS pixels, which keeps the CPU's work at the tap to a few milliseconds.
 */
const OVERSAMPLING = 2;
const FADE_MS = 200;

type Decoded = RawPixels | 'pending' | 'failed';

export class SwitchPreview {
  private readonly decoded = new Map<string, Decoded>();
  private overlay: HTMLCanvasElement | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly reducedMotion: boolean,
  ) {}

  /** Fetches and decodes a preview picture ahead. */
  prepare(url: string): void {
    if (this.decoded.has(url) || typeof createImageBitmap !== 'function') return;
    this.decoded.set(url, 'pending');
    void decode(url).then(
      (pixels) => {
        this.decoded.set(url, pixels);
        // How many are ready, on the viewer's box: tests wait for it before they tap.
        const ready = [...this.decoded.values()].filter((d) => typeof d !== 'string').length;
        this.container.dataset.switchPreviews = String(ready);
      },
      () => this.decoded.set(url, 'failed'),
    );
  }

  /**
   * Covers the viewer with `view` of the picture at `url` when it is decoded (true), else
   * leaves the screen alone (false): the switch then looks as it always did.
   */
  show(url: string, view: StartView): boolean {
    const source = this.decoded.get(url);
    const { clientWidth, clientHeight } = this.container;
    if (!source || typeof source === 'string' || !clientWidth || !clientHeight) return false;
    const rows = (OVERSAMPLING * verticalFov(view.zoom) * source.height) / 180;
    const height = Math.max(16, Math.min(clientHeight, Math.ceil(rows)));
    const size = { width: Math.max(1, Math.round((height * clientWidth) / clientHeight)), height };
    const pixels = renderView(source, view, size);
    const canvas = this.overlay ?? this.createOverlay();
    canvas.width = size.width;
    canvas.height = size.height;
    // `renderView` made the array: its buffer is a plain ArrayBuffer, exactly this size.
    const rgba = new Uint8ClampedArray(pixels.data.buffer as ArrayBuffer);
    canvas.getContext('2d')?.putImageData(new ImageData(rgba, size.width, size.height), 0, 0);
    delete canvas.dataset.state;
    canvas.style.opacity = '1';
    if (!canvas.isConnected) this.container.append(canvas);
    // A task queued from the next frame's callback runs once that frame has been painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark(SWITCH_PAINTED_MARK), 0));
    return true;
  }

  /** The live viewer shows the scene (drawn in the frame after next): the canvas goes. */
  hide(): void {
    const canvas = this.overlay;
    if (!canvas?.isConnected) return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (this.reducedMotion) return canvas.remove();
        canvas.dataset.state = 'leaving';
        canvas.style.opacity = '0';
        setTimeout(() => {
          if (canvas.dataset.state === 'leaving') canvas.remove();
        }, FADE_MS);
      }),
    );
  }

  /** The switch failed or was superseded: the canvas goes at once. */
  drop(): void {
    this.overlay?.remove();
  }

  private createOverlay(): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.className = 'switch-preview';
    canvas.dataset.testid = 'switch-preview';
    canvas.setAttribute('aria-hidden', 'true');
    // Inline, not in a style sheet: the viewer's chunk has no CSS of its own to carry it.
    Object.assign(canvas.style, {
      position: 'absolute',
      inset: '0',
      width: '100%',
      height: '100%',
      zIndex: '1',
      pointerEvents: 'none',
      transition: `opacity ${FADE_MS}ms ease-out`,
    });
    this.overlay = canvas;
    return canvas;
  }
}

async function decode(url: string): Promise<RawPixels> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data: new Uint8Array(data.buffer), width, height, channels: 4 };
}
