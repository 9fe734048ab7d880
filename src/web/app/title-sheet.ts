/**
 * The full tour and scene titles, one tap from the top bar. On a 360 px phone the bar has room
 * for a line of each and cuts the rest ("Bảo tàng Louvre — sâ…"): the titles themselves are
 * the control (a button laid over them, so the heading stays a heading), and the sheet it
 * opens shows both titles whole. It is the page's panel, so Escape, its × and Back close it.
 */
import type { Translator } from '../i18n/i18n.ts';
import { h } from '../ui/dom.ts';
import type { Panel } from './panel.ts';
import type { TourTexts } from './tour-texts.ts';

export class TitleSheet {
  /** Lies over the titles in the top bar; its name is its only text (visually hidden). */
  readonly button: HTMLButtonElement;
  private readonly name: HTMLSpanElement;

  constructor(
    private readonly panel: Panel,
    private readonly i18n: Translator,
    private readonly texts: TourTexts,
    private readonly sceneId: () => string | null,
  ) {
    this.name = h('span', { class: 'visually-hidden' });
    this.button = h(
      'button',
      {
        type: 'button',
        class: 'topbar__titles-button',
        'aria-haspopup': 'dialog',
        'data-testid': 'titles-button',
      },
      this.name,
    );
    this.button.addEventListener('click', () => this.open());
    this.applyUiStrings();
  }

  applyUiStrings(): void {
    this.name.textContent = this.i18n.t('app.titles');
  }

  open(): void {
    const tour = this.texts.tour;
    if (!tour) return;
    const scene = this.texts.scene(this.sceneId());
    const line = (label: string, map: Record<string, string>, testId: string) => {
      const value = h('dd', { class: 'title-sheet__value', 'data-testid': testId });
      this.texts.showText(value, map);
      return [h('dt', { class: 'title-sheet__label' }, label), value];
    };
    this.panel.open({
      title: this.i18n.t('app.titlesHeading'),
      key: { kind: 'titles' },
      body: [
        h(
          'dl',
          { class: 'title-sheet', 'data-testid': 'title-sheet' },
          ...line(this.i18n.t('app.titlesTour'), tour.title, 'title-sheet-tour'),
          ...(scene ? line(this.i18n.t('app.titlesScene'), scene.title, 'title-sheet-scene') : []),
        ),
      ],
    });
  }
}
