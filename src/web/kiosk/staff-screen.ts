/**
 * The staff screen of a kiosk, behind the staff gesture and a PIN: per tour its saved version,
 * size, last check, last successful update, retries and last errors; the device's storage;
 * "check now" and "download again". Large keys for a touch screen, Vietnamese first; it
 * closes by itself when left alone, so a visitor never finds it open.
 */
import { verifyPin } from '../../core/kiosk/pin.ts';
import type { Translator } from '../i18n/i18n.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { IdleTimer } from './idle-timer.ts';
import type { StaffData, StorageState, TourState } from './staff-data.ts';

export interface StaffScreenOptions {
  pinHash: string;
  /** The kiosk's languages; the screen offers Vietnamese first, then these. */
  languages: readonly string[];
  idleMs: number;
  t: Translator;
  data: StaffData;
  /** Closed, by staff or by idleness. */
  onClose?: () => void;
}

/** Wrong PINs allowed before the keypad locks for a while, to slow down guessing. */
const MAX_ATTEMPTS = 5;
const LOCK_MS = 60_000;
const MAX_PIN_LENGTH = 12;

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

export class StaffScreen {
  readonly element: HTMLDivElement;
  private readonly options: StaffScreenOptions;
  private readonly languages: string[];
  private readonly idle: IdleTimer;
  private lang: string;
  private pin = '';
  private failures = 0;
  private lockedUntil = 0;
  private unlocked = false;

  constructor(options: StaffScreenOptions) {
    this.options = options;
    this.languages = [...new Set(['vi', ...options.languages])];
    this.lang = 'vi';
    this.element = h('div', {
      class: 'staff',
      role: 'dialog',
      'aria-modal': 'true',
      hidden: true,
      'data-testid': 'staff',
    });
    // Only touches on this screen keep it open: the kiosk behind it is not being used.
    this.idle = new IdleTimer(options.idleMs, () => this.close(), this.element);
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows the PIN keypad (the staff screen itself comes after the right PIN). */
  open(): void {
    if (this.isOpen) return;
    this.pin = '';
    this.unlocked = false;
    this.lang = 'vi';
    this.element.hidden = false;
    this.element.lang = this.lang;
    this.renderPin();
    this.idle.start();
  }

  close(): void {
    if (!this.isOpen) return;
    this.idle.stop();
    this.element.hidden = true;
    replaceChildren(this.element);
    this.pin = '';
    this.unlocked = false;
    this.options.onClose?.();
  }

  private text(key: string, values: Record<string, unknown> = {}): string {
    return this.options.t.t(`staff.${key}`, { ...values, lng: this.lang });
  }

  private button(
    label: string,
    testId: string,
    onClick: () => void,
    extra = '',
  ): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: `staff__button ${extra}`.trim(), 'data-testid': testId },
      label,
    );
    button.addEventListener('click', onClick);
    return button;
  }

  private header(title: string): HTMLElement {
    const languages = this.languages.map((lang) => {
      const button = this.button(lang.toUpperCase(), `staff-lang-${lang}`, () => {
        this.lang = lang;
        this.element.lang = lang;
        if (this.unlocked) void this.renderStatus();
        else this.renderPin();
      });
      button.lang = lang;
      button.setAttribute('aria-pressed', String(lang === this.lang));
      return button;
    });
    return h(
      'header',
      { class: 'staff__header' },
      h('h1', { class: 'staff__title' }, title),
      h('span', { class: 'staff__languages' }, ...languages),
      this.button(this.text('close'), 'staff-close', () => this.close(), 'staff__close'),
    );
  }

  private renderPin(message = ''): void {
    const locked = Date.now() < this.lockedUntil;
    const shown = h(
      'output',
      { class: 'staff__pin-display', 'data-testid': 'staff-pin-display', 'aria-live': 'polite' },
      '•'.repeat(this.pin.length),
    );
    const status = h(
      'p',
      { class: 'staff__pin-message', role: 'alert', 'data-testid': 'staff-pin-message' },
      locked
        ? this.text('pinLocked', { seconds: Math.ceil((this.lockedUntil - Date.now()) / 1000) })
        : message,
    );
    const key = (digit: string) =>
      this.button(digit, `staff-pin-key-${digit}`, () => {
        if (this.pin.length >= MAX_PIN_LENGTH) return;
        this.pin += digit;
        shown.textContent = '•'.repeat(this.pin.length);
      });
    const keys = [
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(key),
      this.button(this.text('erase'), 'staff-pin-erase', () => {
        this.pin = this.pin.slice(0, -1);
        shown.textContent = '•'.repeat(this.pin.length);
      }),
      key('0'),
      this.button(this.text('ok'), 'staff-pin-ok', () => void this.submit(), 'staff__button--main'),
    ];
    for (const button of keys) button.disabled = locked;
    replaceChildren(
      this.element,
      this.header(this.text('pinTitle')),
      h(
        'div',
        { class: 'staff__pin', 'data-testid': 'staff-pin' },
        shown,
        status,
        h('div', { class: 'staff__keypad' }, ...keys),
      ),
    );
  }

  private async submit(): Promise<void> {
    if (Date.now() < this.lockedUntil) return;
    const pin = this.pin;
    this.pin = '';
    if (pin && (await verifyPin(pin, this.options.pinHash))) {
      this.failures = 0;
      this.unlocked = true;
      await this.renderStatus();
      return;
    }
    this.failures++;
    if (this.failures >= MAX_ATTEMPTS) {
      this.failures = 0;
      this.lockedUntil = Date.now() + LOCK_MS;
    }
    if (this.isOpen) this.renderPin(this.text('pinWrong'));
  }

  private async renderStatus(message = ''): Promise<void> {
    const [tours, storage] = await Promise.all([
      this.options.data.tours(),
      this.options.data.storage(),
    ]);
    if (!this.isOpen || !this.unlocked) return;
    const status = h(
      'p',
      { class: 'staff__status', role: 'status', 'data-testid': 'staff-status' },
      message,
    );
    const check = this.button(
      this.text('checkNow'),
      'staff-check',
      () =>
        void this.run(status, this.text('checking'), async () => {
          await this.options.data.checkNow();
          return this.text('checkDone');
        }),
      'staff__button--main',
    );
    replaceChildren(
      this.element,
      this.header(this.text('title')),
      h(
        'div',
        { class: 'staff__body', 'data-testid': 'staff-screen' },
        h('div', { class: 'staff__actions' }, check, status),
        ...tours.map((tour) => this.tourCard(tour, status)),
        this.storageCard(storage),
      ),
    );
  }

  private async run(status: HTMLElement, busy: string, task: () => Promise<string>): Promise<void> {
    status.textContent = busy;
    for (const button of this.element.querySelectorAll<HTMLButtonElement>('.staff__body button'))
      button.disabled = true;
    const done = await task().catch((error: unknown) => String((error as Error)?.message ?? error));
    if (this.isOpen && this.unlocked) await this.renderStatus(done);
  }

  private tourCard(tour: TourState, status: HTMLElement): HTMLElement {
    const none = this.text('none');
    const when = (iso?: string) => (iso ? new Date(iso).toLocaleString(this.lang) : none);
    let armed = false;
    const again = this.button(this.text('downloadAgain'), `staff-download-${tour.id}`, () => {
      // Two presses: the first only says what the second will do (the copy is deleted first).
      if (!armed) {
        armed = true;
        again.textContent = this.text('confirmDownload');
        return;
      }
      void this.run(status, this.text('downloading'), async () => {
        const ok = await this.options.data.downloadAgain(tour.id);
        return this.text(ok ? 'downloadDone' : 'downloadFailed');
      });
    });
    const rows: Array<[string, string, string]> = [
      ['version', this.text('version'), tour.version ?? this.text('notSaved')],
      ['pending', this.text('pending'), tour.pendingVersion ?? none],
      [
        'size',
        this.text('savedSize'),
        tour.savedBytes === undefined
          ? none
          : this.text('sizeValue', { mb: mb(tour.savedBytes), files: tour.savedFiles ?? 0 }),
      ],
      ['last-check', this.text('lastCheck'), when(tour.lastCheck)],
      ['last-success', this.text('lastSuccess'), when(tour.lastSuccess)],
      ['retries', this.text('retries'), tour.retries === undefined ? none : String(tour.retries)],
    ];
    return h(
      'section',
      { class: 'staff__card', 'data-testid': `staff-tour-${tour.id}` },
      h('h2', {}, tour.id),
      h(
        'dl',
        { class: 'staff__facts' },
        ...rows.flatMap(([id, label, value]) => [
          h('dt', {}, label),
          h('dd', { 'data-testid': `staff-${id}` }, value),
        ]),
        h('dt', {}, this.text('errors')),
        h(
          'dd',
          { 'data-testid': 'staff-errors' },
          tour.errors.length === 0 ? none : h('ul', {}, ...tour.errors.map((e) => h('li', {}, e))),
        ),
      ),
      again,
    );
  }

  private storageCard(storage: StorageState): HTMLElement {
    const none = this.text('none');
    const size = (bytes?: number) =>
      bytes === undefined ? none : this.text('mb', { mb: mb(bytes) });
    const persisted =
      storage.persisted === undefined
        ? none
        : this.text(storage.persisted ? 'persistentYes' : 'persistentNo');
    return h(
      'section',
      { class: 'staff__card', 'data-testid': 'staff-storage' },
      h('h2', {}, this.text('storage')),
      h(
        'dl',
        { class: 'staff__facts' },
        h('dt', {}, this.text('used')),
        h('dd', { 'data-testid': 'staff-storage-used' }, size(storage.usedBytes)),
        h('dt', {}, this.text('free')),
        h('dd', { 'data-testid': 'staff-storage-free' }, size(storage.freeBytes)),
        h('dt', {}, this.text('persistent')),
        h('dd', { 'data-testid': 'staff-storage-persistent' }, persisted),
      ),
    );
  }
}
