/**
 * The frame of the site dialogs (settings, print, publish, phone preview): a modal <dialog>
 * named by its heading, closed by its button or Escape, removed from the page once closed,
 * with one message line for what went wrong (role=alert) and one for progress (role=status).
 */
import { h } from '../../web/ui/dom.ts';
import type { EditorStore } from '../store.ts';
import { reasonOf } from '../util.ts';
import './site-dialogs.css';

export interface SiteDialog {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  error: HTMLElement;
  status: HTMLElement;
  /** The footer's row of buttons (Close is already there, last). */
  actions: HTMLElement;
  close(): void;
}

let serial = 0;

export function openSiteDialog(store: EditorStore, title: string, name: string): SiteDialog {
  const headingId = `ed-site-dialog-${++serial}`;
  const body = h('div', { class: 'ed-site-body' });
  const error = h('p', { class: 'ed-error', role: 'alert', 'data-testid': `${name}-error` });
  const status = h('p', {
    class: 'ed-site-status',
    role: 'status',
    'data-testid': `${name}-status`,
  });
  const closeButton = h(
    'button',
    { type: 'button', 'data-action': 'close' },
    store.t('site_close'),
  );
  const actions = h('div', { class: 'ed-row ed-site-actions' }, closeButton);
  const dialog = h(
    'dialog',
    { class: 'ed-dialog ed-site-dialog', 'aria-labelledby': headingId, 'data-testid': name },
    h('h2', { id: headingId }, title),
    body,
    error,
    status,
    actions,
  );
  closeButton.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, body, error, status, actions, close: () => dialog.close() };
}

/** The server's message in the editor's language, else the plain reason. */
export const messageOf = (store: EditorStore, error: unknown): string =>
  reasonOf(error, store.lang);

/**
 * A labelled field: the label's text names the input; a hint below is its description
 * (aria-describedby), not part of its name.
 */
export function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  const hintId = hint ? `ed-site-hint-${++serial}` : undefined;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'ed-field' },
    h('label', { class: 'ed-site-label' }, h('span', {}, label), input),
    hint ? h('span', { class: 'ed-hint', id: hintId }, hint) : undefined,
  );
}
