/**
 * Print and Publish need the site's public address (printed codes and shared pages lead
 * there): they open with the site settings loaded, and when no address is set yet they say so
 * and offer the settings dialog in place of their own form.
 */
import type { SiteSettingsResponse } from '../../core/site-protocol.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import * as site from '../site-api.ts';
import type { EditorStore } from '../store.ts';
import { messageOf, openSiteDialog, type SiteDialog } from './site-dialog.ts';
import { showSiteSettings } from './site-settings.ts';

/** Opens the site dialog `name`, then `fill`s it once the settings say where the site lives. */
export function openWithAddress(
  store: EditorStore,
  title: string,
  name: string,
  fill: (ui: SiteDialog, settings: SiteSettingsResponse) => void,
): void {
  const ui = openSiteDialog(store, title, name);
  ui.status.textContent = store.t('site_loading');
  site
    .loadSettings()
    .then((settings) => {
      ui.status.textContent = '';
      if (!settings.publicUrl) return needAddress(store, ui);
      fill(ui, settings);
    })
    .catch((error: unknown) => {
      ui.status.textContent = '';
      ui.error.textContent = messageOf(store, error);
    });
}

/** What to fill in first, and the button that opens the settings. */
function needAddress(store: EditorStore, ui: SiteDialog): void {
  const open = h(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'open-site-settings' },
    store.t('site_openSettings'),
  );
  open.addEventListener('click', () => {
    ui.close();
    showSiteSettings(store);
  });
  replaceChildren(
    ui.body,
    h('p', { 'data-testid': 'need-address' }, store.t('site_needAddress')),
    open,
  );
  open.focus();
}
