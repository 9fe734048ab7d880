/**
 * The header's site buttons: settings, print QR codes (for the open tour), publish, and the
 * phone preview. One function so the header names them in one line.
 */
import { h } from '../../web/ui/dom.ts';
import type { EditorStore } from '../store.ts';
import { showPhonePreview } from './phone-preview.ts';
import { showPrintDialog } from './print-dialog.ts';
import { showPublishDialog } from './publish-dialog.ts';
import { showSiteSettings } from './site-settings.ts';

export function siteButtons(store: EditorStore): HTMLElement {
  const t = store.t;
  const button = (label: string, action: string, open: () => void) => {
    const b = h('button', { type: 'button', 'data-action': action }, label);
    b.addEventListener('click', open);
    return b;
  };
  return h(
    'span',
    { class: 'ed-site-buttons' },
    store.open ? button(t('print_title'), 'print-qr', () => showPrintDialog(store)) : undefined,
    button(t('publish_title'), 'publish', () => showPublishDialog(store)),
    button(t('phone_title'), 'phone-preview', () => showPhonePreview(store)),
    button(t('site_settings'), 'site-settings', () => showSiteSettings(store)),
  );
}
