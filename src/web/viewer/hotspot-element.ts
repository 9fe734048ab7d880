/**
 * The on-panorama element of a hotspot: a real <button> (focusable, announced by screen
 * readers), with a visible label. Built with textContent only.
 */
import type { Hotspot } from '../../core/manifest/schema.ts';
import { type IconName, icon as svgIcon } from '../ui/icons.ts';

export type HotspotKind = Hotspot['type'];

/** Drawn, not written: arrows and notes are empty boxes on phones without a symbol font. */
const ICONS: Record<HotspotKind, IconName> = {
  scene: 'go',
  info: 'info',
  audio: 'speaker',
  link: 'external',
};

export interface HotspotElementOptions {
  kind: HotspotKind;
  id: string;
  /** Visible label (e.g. the target scene's title). */
  label: string;
  /** Full accessible name (e.g. "Go to: Main hall"). */
  accessibleName: string;
  /** The scene a link leads to (kept on the element: tests and the bench find arrows by it). */
  target?: string;
  /** Keyboard activation; pointer activation goes through the viewer's click handling. */
  onActivate: () => void;
}

export function createHotspotElement(options: HotspotElementOptions): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `hotspot hotspot--${options.kind}`;
  button.dataset.hotspot = options.id;
  button.dataset.kind = options.kind;
  if (options.target) button.dataset.target = options.target;
  button.setAttribute('aria-label', options.accessibleName);

  const icon = document.createElement('span');
  icon.className = 'hotspot__icon';
  icon.setAttribute('aria-hidden', 'true');
  // The "i" is drawn, not written: a letter would be visible text missing from the name
  // ("Information: …"), which voice-control users could not say (WCAG 2.5.3).
  icon.append(svgIcon(ICONS[options.kind]));

  const label = document.createElement('span');
  label.className = 'hotspot__label';
  label.setAttribute('aria-hidden', 'true');
  label.textContent = options.label;

  button.append(icon, label);
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      options.onActivate();
    }
  });
  return button;
}
