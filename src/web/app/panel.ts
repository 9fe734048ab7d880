/**
 * A side panel (a bottom sheet on phones) for info hotspots and the "about" page.
 * Focus moves into it when it opens and back where it was when it closes; Escape closes it.
 * It says what it shows (`key`) and when the visitor closes it, so the app can make an open
 * panel a history entry (Back closes it, as Android users expect of a sheet).
 */
import { h, replaceChildren } from '../ui/dom.ts';

/** What a panel shows: a hotspot's (named in the address) or one of the page's own. */
export type PanelKey =
  | { kind: 'info' | 'audio'; hotspot: string }
  | { kind: 'transcript' | 'about' | 'credits' | 'share' | 'titles' };

export interface PanelContent {
  title: string;
  /** Language of the title, when it differs from the page's (fallback text). */
  lang?: string | undefined;
  /** Nodes to show; `null` entries are skipped. */
  body: Array<Node | null>;
  /** Marks content shown in the fallback language. */
  note?: string | undefined;
  key: PanelKey;
}

export class Panel {
  readonly element: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly content: HTMLDivElement;
  private readonly closeButton: HTMLButtonElement;
  private returnFocus: HTMLElement | null = null;
  private shown: PanelKey | null = null;
  /** Told of every opening, and of closings by the visitor (×, Escape) — not by the page. */
  onChange: (key: PanelKey | null) => void = () => undefined;

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
    this.closeButton.addEventListener('click', () => this.dismiss());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.dismiss();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** What is open, or null. */
  get key(): PanelKey | null {
    return this.isOpen ? this.shown : null;
  }

  open(content: PanelContent): void {
    if (!this.isOpen) this.returnFocus = document.activeElement as HTMLElement | null;
    this.heading.textContent = content.title;
    if (content.lang) this.heading.setAttribute('lang', content.lang);
    else this.heading.removeAttribute('lang');
    this.shown = content.key;
    replaceChildren(
      this.content,
      content.note
        ? h('p', { class: 'fallback-note', 'data-testid': 'fallback-note' }, content.note)
        : null,
      ...content.body,
    );
    this.content.scrollTop = 0;
    this.element.hidden = false;
    this.closeButton.focus();
    this.onChange(content.key);
  }

  setCloseLabel(label: string): void {
    this.closeButton.setAttribute('aria-label', label);
  }

  /** The visitor closes it. */
  dismiss(): void {
    if (!this.isOpen) return;
    this.close();
    this.onChange(null);
  }

  /** The page closes it (scene change, reset, Back): nobody is told. */
  close(): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    replaceChildren(this.content);
    this.returnFocus?.focus?.();
    this.returnFocus = null;
  }
}
