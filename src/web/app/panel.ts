/**
 * A side panel (a bottom sheet on phones) for info hotspots and the "about" page.
 * Focus moves into it when it opens and back where it was when it closes; Escape closes it.
 */
import { h, replaceChildren } from '../ui/dom.ts';

export interface PanelContent {
  title: string;
  /** Language of the title and body, when it differs from the page's (fallback text). */
  lang?: string | undefined;
  /** Nodes to show; `null` entries are skipped. */
  body: Array<Node | null>;
  /** Marks content shown in the fallback language. */
  note?: string | undefined;
}

export class Panel {
  readonly element: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly content: HTMLDivElement;
  private readonly closeButton: HTMLButtonElement;
  private returnFocus: HTMLElement | null = null;

  constructor(closeLabel: string) {
    this.heading = h('h2', { id: 'panel-title', class: 'panel__title' });
    this.closeButton = h(
      'button',
      { type: 'button', class: 'panel__close', 'aria-label': closeLabel },
      '×',
    );
    this.content = h('div', { class: 'panel__content' });
    this.element = h(
      'aside',
      {
        class: 'panel',
        role: 'dialog',
        'aria-labelledby': 'panel-title',
        hidden: true,
        'data-testid': 'panel',
      },
      h('header', { class: 'panel__header' }, this.heading, this.closeButton),
      this.content,
    );
    this.closeButton.addEventListener('click', () => this.close());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(content: PanelContent): void {
    if (!this.isOpen) this.returnFocus = document.activeElement as HTMLElement | null;
    this.heading.textContent = content.title;
    if (content.lang) this.element.setAttribute('lang', content.lang);
    else this.element.removeAttribute('lang');
    replaceChildren(
      this.content,
      content.note ? h('p', { class: 'fallback-note' }, content.note) : null,
      ...content.body,
    );
    this.content.scrollTop = 0;
    this.element.hidden = false;
    this.closeButton.focus();
  }

  setCloseLabel(label: string): void {
    this.closeButton.setAttribute('aria-label', label);
  }

  close(): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    replaceChildren(this.content);
    this.returnFocus?.focus?.();
    this.returnFocus = null;
  }
}
