/**
 * "Share this place": the QR code of the current address (scene, view, open hotspot), the link
 * as text and a copy button, in the page's panel (focus moves in and back out). The link
 * carries no language unless the sharer ticks "include my language": a Vietnamese guide's
 * share must open in the friend's own language. The QR library is loaded only when a visitor
 * asks, so the tourist's first download stays small.
 */
import { deepLinkUrl, parseDeepLink } from '../../core/links/deep-link.ts';
import type { Translator } from '../i18n/i18n.ts';
import { nativeName } from '../i18n/languages.ts';
import { h } from '../ui/dom.ts';
import type { Panel } from './panel.ts';

const SVG = 'http://www.w3.org/2000/svg';
const QUIET_ZONE = 4;

/** The code as SVG elements (no markup string): a white square and one path of dark modules. */
export function qrSvgElement(modules: {
  size: number;
  get: (row: number, col: number) => boolean | number;
}): SVGSVGElement {
  const side = modules.size + 2 * QUIET_ZONE;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${side} ${side}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(side));
  background.setAttribute('height', String(side));
  background.setAttribute('fill', '#fff');
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const dark = document.createElementNS(SVG, 'path');
  dark.setAttribute('d', d);
  dark.setAttribute('fill', '#000');
  svg.append(background, dark);
  return svg;
}

/** The address to share: `href` without its language, or with `lang` when asked. */
export function sharedUrl(href: string, lang?: string): string {
  const { lang: _dropped, ...place } = parseDeepLink(href);
  return deepLinkUrl(href, lang ? { ...place, lang } : place);
}

export async function openShareDialog(
  panel: Panel,
  t: Translator,
  href: string,
  includeLanguage = false,
): Promise<void> {
  const { create } = await import('qrcode');
  const lang = t.language;
  const codeBox = h('div', { class: 'share__code' });
  const link = h('input', {
    class: 'share__link',
    type: 'text',
    readonly: true,
    'aria-label': t.t('share.link'),
    'data-testid': 'share-link',
  });
  const withLanguage = h('input', {
    type: 'checkbox',
    checked: includeLanguage,
    'data-testid': 'share-language',
  });
  const show = () => {
    const url = sharedUrl(href, withLanguage.checked ? lang : undefined);
    const code = qrSvgElement(create(url, { errorCorrectionLevel: 'M' }).modules);
    code.setAttribute('aria-label', t.t('share.qrLabel'));
    code.classList.add('share__qr');
    code.dataset.testid = 'share-qr';
    codeBox.replaceChildren(code);
    link.value = url;
  };
  withLanguage.addEventListener('change', show);
  show();
  const status = h('p', { class: 'share__status', role: 'status' });
  const copy = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'share-copy' },
    t.t('share.copy'),
  );
  copy.addEventListener('click', () => void copyLink(link, status, t));
  panel.open({
    title: t.t('share.title'),
    body: [
      h('p', { class: 'share__hint' }, t.t('share.hint')),
      codeBox,
      link,
      h(
        'label',
        { class: 'share__language' },
        withLanguage,
        ' ',
        t.t('share.includeLanguage', { language: nativeName(lang) }),
      ),
      copy,
      status,
    ],
    key: { kind: 'share' },
  });
}

async function copyLink(
  input: HTMLInputElement,
  status: HTMLElement,
  t: Translator,
): Promise<void> {
  try {
    await navigator.clipboard.writeText(input.value);
    status.textContent = t.t('share.copied');
  } catch {
    // No clipboard (plain http, old browser): select the text so the visitor can copy it.
    input.focus();
    input.select();
    status.textContent = t.t('share.selectToCopy');
  }
}
