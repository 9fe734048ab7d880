/**
 * Whether the page runs as a kiosk, for the few panels that differ there (no "remove saved
 * copy", no links out of the app). `lockDown` marks the root, so modules need not be told.
 */
export const KIOSK_CLASS = 'kiosk';

export const isKioskPage = (root: Element = document.documentElement): boolean =>
  root.classList.contains(KIOSK_CLASS);

/** Replaces every link in `node` by its text: on a kiosk nothing may lead out of the app. */
export function withoutLinks<T extends ParentNode>(node: T): T {
  for (const link of [...node.querySelectorAll('a')]) {
    const text = document.createElement('span');
    text.className = 'link-as-text';
    text.append(...link.childNodes);
    link.replaceWith(text);
  }
  return node;
}
