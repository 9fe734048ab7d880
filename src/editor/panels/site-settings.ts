/**
 * "Cài đặt trang": the site's public address (the base of every QR code and share link), its
 * name, and the tours it publishes — saved into site.config.json by the dev server, which
 * checks them with the CLI's own rules and answers a bad address in the author's language.
 * Other settings of that file (publish targets…) are kept as they are.
 */
import { textOf } from '../../core/manifest/text.ts';
import type { SiteSettingsResponse } from '../../core/site-protocol.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import * as site from '../site-api.ts';
import type { EditorStore } from '../store.ts';
import { field, messageOf, openSiteDialog } from './site-dialog.ts';

export function showSiteSettings(store: EditorStore): void {
  const t = store.t;
  const ui = openSiteDialog(store, t('site_settings'), 'site-settings');
  ui.status.textContent = t('site_loading');
  site
    .loadSettings()
    .then((settings) => fill(store, ui, settings))
    .catch((error: unknown) => {
      ui.status.textContent = '';
      ui.error.textContent = t('site_loadFailed', { reason: messageOf(store, error) });
    });
}

function fill(
  store: EditorStore,
  ui: ReturnType<typeof openSiteDialog>,
  settings: SiteSettingsResponse,
): void {
  const t = store.t;
  ui.status.textContent = '';
  const address = h('input', {
    type: 'url',
    name: 'publicUrl',
    value: settings.publicUrl,
    placeholder: 'https://ditich.example.vn/',
    autocomplete: 'url',
    'data-testid': 'site-public-url',
  });
  const nameVi = h('input', { type: 'text', name: 'name-vi', value: settings.name.vi ?? '' });
  const nameEn = h('input', { type: 'text', name: 'name-en', value: settings.name.en ?? '' });
  const chosen = new Set(settings.tours);
  const boxes = settings.available.map((tour) => {
    const box = h('input', {
      type: 'checkbox',
      value: tour.id,
      checked: chosen.has(tour.id),
      'data-testid': `site-tour-${tour.id}`,
    });
    const title = tour.title ? textOf(tour.title, store.lang, 'vi') : tour.id;
    return { box, row: h('label', { class: 'ed-check' }, box, title) };
  });
  const save = h('button', { type: 'submit', class: 'primary', 'data-action': 'save-site' });
  save.textContent = t('site_save');
  const form = h(
    'form',
    { class: 'ed-site-settings', novalidate: true },
    field(t('site_publicUrl'), address, t('site_publicUrlHint')),
    h(
      'div',
      { class: 'ed-site-grid' },
      field(t('site_nameVi'), nameVi),
      field(t('site_nameEn'), nameEn),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('site_tours')),
      h('div', { class: 'ed-choices' }, ...boxes.map((b) => b.row)),
    ),
    h('div', { class: 'ed-row' }, save),
  );
  replaceChildren(ui.body, form);
  address.focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ui.error.textContent = '';
    ui.status.textContent = '';
    address.removeAttribute('aria-invalid');
    save.disabled = true;
    site
      .saveSettings({
        publicUrl: address.value.trim(),
        name: { vi: nameVi.value, en: nameEn.value },
        tours: boxes.filter((b) => b.box.checked).map((b) => b.box.value),
      })
      .then(() => {
        ui.status.textContent = t('site_saved');
      })
      .catch((error: unknown) => {
        ui.error.textContent = messageOf(store, error);
        if (/address/.test(error instanceof Error ? error.message : '')) {
          address.setAttribute('aria-invalid', 'true');
          address.focus();
        }
      })
      .finally(() => (save.disabled = false));
  });
}
