/**
 * "In mã QR": choose scenes (and hotspots), see the posters, download the file to print — an
 * A4 poster per choice, then a sheet of small labels — made on the dev server by the generator
 * of `tour qr`. The preview here is HTML built from the same content (titles in each language,
 * the picture, the code of the same address, the link, the instructions), laid out like the
 * poster; the file itself is the server's. Codes open the site's public address: without one
 * the dialog says so and offers the settings.
 */
import { printedLinks, type PrintedLink } from '../../core/links/scene-links.ts';
import { representativeImage } from '../../core/manifest/panorama.ts';
import { textOf } from '../../core/manifest/text.ts';
import { scanInstruction } from '../../core/qr/instructions.ts';
import { qrSvg } from '../../core/qr/qr-code.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import * as site from '../site-api.ts';
import type { EditorStore } from '../store.ts';
import { messageOf, type SiteDialog } from './site-dialog.ts';
import { openWithAddress } from './site-address.ts';

/** Posters drawn in the preview; the file has them all. */
const PREVIEW_MAX = 8;

export function showPrintDialog(store: EditorStore): void {
  if (!store.open) return;
  openWithAddress(store, store.t('print_title'), 'print-dialog', (ui, settings) =>
    fill(store, ui, settings.publicUrl),
  );
}

function fill(store: EditorStore, ui: SiteDialog, base: string): void {
  const t = store.t;
  const tour = store.tour;
  const links = printedLinks(tour, base, { hotspots: true });
  const choices = links.map((link) => {
    const box = h('input', {
      type: 'checkbox',
      value: link.key,
      checked: link.hotspotId === undefined,
      'data-testid': `print-${link.key}`,
    });
    const row = h(
      'label',
      { class: link.hotspotId ? 'ed-check ed-check-indent' : 'ed-check' },
      box,
      link.hotspotId ? `↳ ${link.title}` : link.title,
    );
    return { link, box, row };
  });
  const posters = h('div', { class: 'ed-posters', 'data-testid': 'print-preview' });
  const more = h('p', { class: 'ed-hint' });
  const chosen = () => choices.filter((c) => c.box.checked).map((c) => c.link);
  let drawing = 0;
  const redraw = async () => {
    const run = ++drawing;
    const cards = await Promise.all(
      chosen()
        .slice(0, PREVIEW_MAX)
        .map((l) => card(store, l)),
    );
    if (run !== drawing) return;
    replaceChildren(posters, ...cards);
    const rest = chosen().length - PREVIEW_MAX;
    more.textContent = rest > 0 ? t('print_more', { count: rest }) : '';
    download.disabled = chosen().length === 0;
  };
  const all = (checked: boolean, hotspots: boolean) => () => {
    for (const c of choices)
      if ((c.link.hotspotId !== undefined) === hotspots) c.box.checked = checked;
    void redraw();
  };
  const allScenes = h('button', { type: 'button' }, t('print_allScenes'));
  allScenes.addEventListener('click', all(true, false));
  const noHotspots = h('button', { type: 'button' }, t('print_noHotspots'));
  noHotspots.addEventListener('click', all(false, true));
  const download = h(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'download-print' },
    t('print_download'),
  );
  for (const c of choices) c.box.addEventListener('change', () => void redraw());
  download.addEventListener('click', () => {
    const picked = chosen();
    ui.error.textContent = '';
    ui.status.textContent = t('print_making');
    download.disabled = true;
    site
      .printPdf({
        tour: tour.id,
        scenes: picked.filter((l) => !l.hotspotId).map((l) => l.sceneId),
        hotspots: picked.filter((l) => l.hotspotId).map((l) => l.key),
      })
      .then(({ blob, posters: count, labelPages }) => {
        site.saveBlob(blob, `qr-${tour.id}.pdf`);
        ui.status.textContent = t('print_done', { posters: count, labels: labelPages });
      })
      .catch((error: unknown) => {
        ui.status.textContent = '';
        ui.error.textContent = messageOf(store, error);
      })
      .finally(() => (download.disabled = chosen().length === 0));
  });
  replaceChildren(
    ui.body,
    h('p', { class: 'ed-hint' }, t('print_intro')),
    store.dirty ? h('p', { class: 'ed-hint', role: 'note' }, t('print_unsaved')) : undefined,
    h(
      'fieldset',
      {},
      h('legend', {}, t('print_choose')),
      h('div', { class: 'ed-row' }, allScenes, noHotspots),
      h('div', { class: 'ed-choices' }, ...choices.map((c) => c.row)),
    ),
    h('h3', {}, t('print_preview')),
    posters,
    more,
  );
  ui.actions.prepend(download);
  void redraw();
}

/** One poster in miniature: the parts of the printed one, in its order. */
async function card(store: EditorStore, link: PrintedLink): Promise<HTMLElement> {
  const tour = store.tour;
  const scene = tour.scenes.find((s) => s.id === link.sceneId);
  const image = scene && (scene.panorama.preview ?? representativeImage(scene.panorama));
  const svg = await qrSvg(link.url);
  const code = h('img', {
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    alt: store.t('print_codeAlt', { title: link.title }),
  });
  const [first, ...others] = link.titles;
  return h(
    'figure',
    { class: 'ed-poster', 'data-testid': `poster-${link.key}` },
    h('div', { class: 'ed-poster-tour' }, textOf(tour.title, store.lang, tour.defaultLanguage)),
    h('div', { class: 'ed-poster-title', lang: first?.lang }, first?.text ?? link.title),
    ...others.map((o) => h('div', { lang: o.lang }, o.text)),
    image && store.hasFile(image)
      ? h('img', { class: 'ed-poster-picture', src: store.fileUrl(image), alt: '' })
      : undefined,
    h(
      'div',
      { class: 'ed-poster-code' },
      code,
      h(
        'div',
        {},
        ...tour.languages.map((lang) => h('div', { lang }, scanInstruction(lang))),
        h('div', { class: 'ed-poster-link' }, link.url),
      ),
    ),
  );
}
