/**
 * Small inline SVG icons, built as DOM (no markup strings), for controls whose meaning a text
 * glyph cannot carry on every device (emoji fonts are missing on many cheap phones).
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

const PATHS = {
  speaker: 'M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z',
  speakerMuted:
    'M3 9v6h4l5 5V4L7 9H3zm18.3 6.9-1.4 1.4L17 14.4l-2.9 2.9-1.4-1.4 2.9-2.9-2.9-2.9 1.4-1.4 2.9 2.9 2.9-2.9 1.4 1.4-2.9 2.9z',
  info: 'M10.7 3.5h2.8v2.8h-2.8zM8.5 9.5h5v8h2.3V20H8.2v-2.5h2.5v-5.5H8.5z',
  transcript: 'M4 5h16v2H4zm0 4h16v2H4zm0 4h16v2H4zm0 4h10v2H4z',
  qr: 'M3 3h8v8H3zm2 2v4h4V5zm8-2h8v8h-8zm2 2v4h4V5zM3 13h8v8H3zm2 2v4h4v-4zm8-2h2v2h-2zm2 2h2v2h-2zm2-2h4v2h-2v2h-2zm-4 4h2v4h-2zm4 0h2v2h2v2h-4z',
  /** A filled circle with a bar: refused, an error. */
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM6 10.5h12v3H6z',
  /** A triangle with an exclamation mark: accepted with advice, a warning. */
  warning:
    'M12 2 1 21h22L12 2zm-1.3 7h2.6l-.4 6h-1.8zm1.3 7.6a1.4 1.4 0 1 1 0 2.8 1.4 1.4 0 0 1 0-2.8z',
  star: 'M12 2.5l2.9 6.2 6.6.7-5 4.6 1.4 6.6L12 17.3l-5.9 3.3 1.4-6.6-5-4.6 6.6-.7z',
  arrowUp: 'M12 4l7 8h-4.5v8h-5v-8H5z',
  arrowDown: 'M12 20l-7-8h4.5V4h5v8H19z',
  /** A scene link: go on. */
  go: 'M4 10.5h10.2L9.6 5.9 11.7 3.8 19.9 12l-8.2 8.2-2.1-2.1 4.6-4.6H4z',
  /** A link leaving the tour. */
  external: 'M14 3h7v7h-2.5V7.3l-7.6 7.6-1.8-1.8 7.6-7.6H14zM5 6h6v2.5H7.5v8h8V13H18v6H5z',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  // Holes (the bar in `error`, the mark in `warning`) are cut by even-odd, whatever the direction.
  path.setAttribute('fill-rule', 'evenodd');
  svg.appendChild(path);
  return svg;
}
