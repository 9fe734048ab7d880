/**
 * "Xem trên điện thoại": turns on a read-only copy of the built site on this machine's
 * address in the local network and shows it as a QR code for the phone's camera; "Tắt" turns
 * it off. Nothing on the phone can change a tour: the copy is plain files, and the editor
 * itself answers only this machine.
 */
import type { PhonePreviewResponse } from '../../core/site-protocol.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import * as site from '../site-api.ts';
import type { EditorStore } from '../store.ts';
import { messageOf, openSiteDialog, type SiteDialog } from './site-dialog.ts';

export function showPhonePreview(store: EditorStore): void {
  const t = store.t;
  const ui = openSiteDialog(store, t('phone_title'), 'phone-dialog');
  const start = h(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'start-phone' },
    t('phone_start'),
  );
  const stop = h('button', { type: 'button', 'data-action': 'stop-phone' }, t('phone_stop'));
  const code = h('div', { class: 'ed-phone-code', 'data-testid': 'phone-code' });
  const draw = (answer: PhonePreviewResponse) => {
    start.hidden = answer.running;
    stop.hidden = !answer.running;
    if (!answer.running || !answer.url || !answer.qrSvg) return replaceChildren(code);
    replaceChildren(
      code,
      h('p', {}, t('phone_scan')),
      h('img', {
        src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(answer.qrSvg)}`,
        alt: t('phone_codeAlt'),
      }),
      h('p', { class: 'ed-phone-url', 'data-testid': 'phone-url' }, answer.url),
    );
  };
  const run = (action: () => Promise<PhonePreviewResponse>, busy: string, done?: string) => {
    ui.error.textContent = '';
    ui.status.textContent = busy;
    start.disabled = stop.disabled = true;
    action()
      .then((answer) => {
        draw(answer);
        ui.status.textContent = done ?? '';
      })
      .catch((error: unknown) => failed(store, ui, error))
      .finally(() => (start.disabled = stop.disabled = false));
  };
  start.addEventListener('click', () => run(site.startPhone, t('phone_starting')));
  stop.addEventListener('click', () => run(site.stopPhone, '', t('phone_stopped')));
  replaceChildren(
    ui.body,
    h('p', {}, t('phone_intro')),
    h('div', { class: 'ed-row' }, start, stop),
    code,
  );
  stop.hidden = true;
  run(site.phoneStatus, t('site_loading'));
}

function failed(store: EditorStore, ui: SiteDialog, error: unknown): void {
  ui.status.textContent = '';
  const reason = error instanceof Error ? error.message : '';
  ui.error.textContent =
    reason === 'no network'
      ? store.t('phone_noNetwork')
      : reason === 'build failed'
        ? store.t('phone_buildFailed')
        : messageOf(store, error);
}
