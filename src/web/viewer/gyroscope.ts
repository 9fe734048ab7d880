/**
 * Looking around by moving the phone, with Photo Sphere Viewer's gyroscope plugin. Its navbar
 * button shows itself only once the device has sent an orientation reading, and its first tap
 * asks iOS for the motion permission, so neither is done here. Kiosks and visitors asking for
 * reduced motion never get it (the page and psv-port.ts decide). What is done here: keeping
 * it on for as long as the visitor wants it.
 *
 * PSV 5.15 turns the gyroscope off whenever anything "stops all motion": the start of a drag,
 * a scene change, the idle autorotation. A visitor who drags the view a little, or walks to
 * the next scene, would have to find the button again. So the visitor's choice is remembered,
 * and the gyroscope is started again, from where the view now is, once the finger lifts or
 * the next scene is on screen. The drag itself is PSV's own, as with the gyroscope off.
 */
import type { AutorotatePlugin } from '@photo-sphere-viewer/autorotate-plugin';
import type { PluginConstructor, Viewer } from '@photo-sphere-viewer/core';
import {
  GyroscopePlugin,
  type GyroscopePluginConfig,
  events as gyroscopeEvents,
} from '@photo-sphere-viewer/gyroscope-plugin';
import type { VirtualTourPlugin } from '@photo-sphere-viewer/virtual-tour-plugin';

const CONFIG: GyroscopePluginConfig = { touchmove: true, moveMode: 'smooth' };

/** How long a device has to send its first orientation reading. */
const FIRST_READING_MS = 3000;

export interface SensorClues {
  /** A `deviceorientation` event carried an angle. */
  reading: boolean;
  /** `DeviceOrientationEvent.requestPermission` exists (iOS; also Chromium since ~2025). */
  asksPermission: boolean;
  /** A touch screen is the main pointer (a phone or a tablet, not a desktop). */
  touchFirst: boolean;
}

/**
 * Whether to offer the button. A reading proves the sensor. iOS sends none until the visitor
 * has allowed it, which only a tap can ask: there, a touch device that asks is given the
 * button. The plugin's own test took "asks" alone as proof, but desktop Chromium asks too.
 */
export const offersGyroscope = ({ reading, asksPermission, touchFirst }: SensorClues): boolean =>
  reading || (asksPermission && touchFirst);

/** Listens for a first reading, then decides; marks the decision on `marker` (tests read it). */
function detectSensor(marker: HTMLElement): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const decide = (reading: boolean) => {
      window.removeEventListener('deviceorientation', onReading);
      clearTimeout(timer);
      const asks = typeof (DeviceOrientationEvent as { requestPermission?: unknown })
        .requestPermission;
      const offered = offersGyroscope({
        reading,
        asksPermission: asks === 'function',
        touchFirst: matchMedia('(pointer: coarse)').matches,
      });
      marker.dataset.gyroscope = offered ? 'offered' : 'none';
      resolve(offered);
    };
    const onReading = (event: DeviceOrientationEvent) => {
      if (event.alpha !== null && !Number.isNaN(event.alpha)) decide(true);
    };
    const timer = setTimeout(() => decide(false), FIRST_READING_MS);
    if (!('DeviceOrientationEvent' in window)) decide(false);
    else window.addEventListener('deviceorientation', onReading);
  });
}

/** The plugin, with its navbar button shown by `offersGyroscope` instead of its own test. */
class PhoneGyroscopePlugin extends GyroscopePlugin {
  private sensor: Promise<boolean> | undefined;

  override isSupported(): Promise<boolean> {
    this.sensor ??= detectSensor(this.viewer.container);
    return this.sensor;
  }
}

export const gyroscopePlugin = (): [PluginConstructor, GyroscopePluginConfig] => [
  PhoneGyroscopePlugin as unknown as PluginConstructor,
  CONFIG,
];

/** PSV's idle timer: used by its plugins, left out of its type files (marked internal). */
type IdleTimer = { disableIdleTimer(): void };

export interface SteeringPlugins {
  autorotate: AutorotatePlugin;
  tour: VirtualTourPlugin;
}

/** Wires the gyroscope to the rest of the viewer; returns what undoes it. */
export function steerWithPhone(psv: Viewer, plugins: SteeringPlugins): () => void {
  const gyroscope = psv.getPlugin<GyroscopePlugin>(GyroscopePlugin);
  if (!gyroscope) return () => undefined;
  /** The visitor turned it on, and has not turned it off (nor started autorotation). */
  let wanted = false;
  let starting = false;
  const pointers = new Set<number>();

  const resume = () => {
    if (!wanted || starting || pointers.size > 0 || gyroscope.isEnabled()) return;
    starting = true;
    gyroscope.start().then(
      () => (starting = false),
      () => (starting = wanted = false),
    );
  };
  // Held still for the idle delay (a visitor reading the screen), autorotation would start
  // and stop the gyroscope: the idle timer is held while the phone steers. The plugin
  // restarts it when it is turned off.
  const holdIdle = () => (psv as unknown as IdleTimer).disableIdleTimer();
  gyroscope.addEventListener(
    gyroscopeEvents.GyroscopeUpdatedEvent.type,
    ({ gyroscopeEnabled }: { gyroscopeEnabled: boolean }) => {
      if (gyroscopeEnabled) {
        wanted = true;
        psv.addEventListener('before-render', holdIdle);
      } else psv.removeEventListener('before-render', holdIdle);
    },
  );
  // The visitor's own "off": the button pressed while it is on (seen before PSV handles it).
  const onButton = (event: Event) => {
    const onGyroscopeButton = (event.target as Element | null)?.closest?.('.psv-gyroscope-button');
    const pressed = event.type === 'click' || (event as KeyboardEvent).key === 'Enter';
    if (onGyroscopeButton && pressed && gyroscope.isEnabled()) wanted = false;
  };
  psv.container.addEventListener('click', onButton, true);
  psv.container.addEventListener('keydown', onButton, true);
  plugins.autorotate.addEventListener('autorotate', ({ autorotateEnabled }) => {
    if (autorotateEnabled) wanted = false;
  });
  plugins.tour.addEventListener('node-changed', resume);
  const down = (event: PointerEvent) => pointers.add(event.pointerId);
  const up = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    resume();
  };
  window.addEventListener('pointerdown', down, true);
  window.addEventListener('pointerup', up, true);
  window.addEventListener('pointercancel', up, true);
  return () => {
    window.removeEventListener('pointerdown', down, true);
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('pointercancel', up, true);
  };
}
