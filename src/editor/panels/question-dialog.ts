/**
 * The frame of the editor's modal questions (delete a scene, remove unused files, what became
 * of an upload): a `<dialog>` named by its heading, whose form's buttons each close it with
 * their value (Escape closes it with none), removed from the page once closed, the focus back
 * where the author was. One frame, so every question behaves the same for keyboards and
 * screen readers.
 */
import { type Child, h } from '../../web/ui/dom.ts';

export interface Question {
  /** `data-testid` of the dialog, and its class `ed-<name>`. */
  name: string;
  title: string;
  /** The question's sentence under its heading (its accessible description). */
  description?: string;
  /** What else it shows, between that and its buttons. */
  content: Child[];
  /** The answers, left to right (`answer(…)`); the first one given in `focus` has the focus. */
  buttons: HTMLButtonElement[];
  focus: HTMLElement;
  /** Where the focus goes when the element the author was on has gone meanwhile. */
  fallbackFocus?: () => HTMLElement | null;
}

/** A button that closes its question with `value` (`kind`: its look). */
export function answer(
  value: string,
  label: string,
  action: string,
  kind?: 'primary' | 'danger',
): HTMLButtonElement {
  return h('button', { type: 'submit', value, class: kind, 'data-action': action }, label);
}

let serial = 0;

/** Asks; resolves with the value of the button that closed it, '' for Escape. */
export function ask(question: Question): Promise<string> {
  const id = `ed-question-${++serial}`;
  const dialog = h(
    'dialog',
    {
      class: `ed-dialog ed-${question.name}`,
      'aria-labelledby': `${id}-title`,
      'aria-describedby': question.description === undefined ? undefined : `${id}-text`,
      'data-testid': question.name,
    },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: `${id}-title` }, question.title),
      question.description !== undefined && h('p', { id: `${id}-text` }, question.description),
      ...question.content,
      h('div', { class: 'ed-row ed-dialog-buttons' }, ...question.buttons),
    ),
  );
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (before?.isConnected) before.focus();
      else question.fallbackFocus?.()?.focus();
      resolve(dialog.returnValue);
    });
    document.body.append(dialog);
    dialog.showModal();
    question.focus.focus();
  });
}
