/**
 * Every visitor in their own language: phones set to French, Korean, Japanese, and French
 * then English open every scene link of the sample tour (content in vi and en). The interface
 * speaks the phone's language; the texts and the narration are English, marked as such in the
 * visitor's language; nothing Vietnamese is on screen but proper names. A link's `l=` wins and
 * stays in the address; the picker offers all six interface languages.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../../src/web/i18n/locales/en.json';
import fr from '../../src/web/i18n/locales/fr.json';
import ja from '../../src/web/i18n/locales/ja.json';
import ko from '../../src/web/i18n/locales/ko.json';
import vi from '../../src/web/i18n/locales/vi.json';
import zh from '../../src/web/i18n/locales/zh.json';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface SampleScene {
  id: string;
  title: Record<string, string>;
  hotspots: Array<{ id: string; type: string; title?: Record<string, string> }>;
}
let scenes: SampleScene[];

/**
 * Real phones have CJK fonts; this machine has none, so Korean and Japanese would be drawn as
 * boxes in the screenshots. The browser of this file alone gets the Noto CJK fonts the poster
 * code already installs from npm, through its own fontconfig file.
 */
function withCjkFonts(): void {
  const dir = join(tmpdir(), `lang-e2e-fonts-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const fonts = [
    'fonts-kr/fonts/NotoSansKR-Regular.otf',
    'fonts-kr/fonts/NotoSansKR-Bold.otf',
    'fonts-jp/fonts/NotoSansJP-Regular.otf',
    'fonts-jp/fonts/NotoSansJP-Bold.otf',
    'fonts-sc/fonts/NotoSansHans-Regular.otf',
    'fonts-sc/fonts/NotoSansHans-Bold.otf',
  ];
  for (const font of fonts) {
    const source = fileURLToPath(new URL(`../../node_modules/@embedpdf/${font}`, import.meta.url));
    try {
      symlinkSync(source, join(dir, font.split('/').at(-1)!));
    } catch {
      // Already linked by an earlier run of this process.
    }
  }
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${dir}</dir>` +
      `<cachedir>${dir}/cache</cachedir></fontconfig>`,
  );
  process.env.FONTCONFIG_FILE = conf;
}

beforeAll(async () => {
  withCjkFonts();
  browser = await launchBrowser();
  scenes = (await (await fetch(`${baseUrl}tours/demo/tour.json`)).json()).scenes;
});

afterAll(async () => {
  await browser?.close();
});

const LOCALES = { vi, en, fr, zh, ko, ja };

/**
 * Letters only Vietnamese writes (ă đ ơ ư and the tone marks stacked or below); French é, è,
 * ô, â are left out so that "Napoléon" or "Français" do not count.
 */
const VIETNAMESE = /[ăắằẳẵặđơớờởỡợưứừửữựạảấầẩẫậẹẻẽếềểễệỉịĩọỏốồổỗộụủũỳỵỷỹĂĐƠƯ]/;

/** A phone: its languages, the interface language it gets, and "English" in that language. */
const PHONES = [
  { name: 'fr-FR', locale: 'fr-FR', ui: 'fr', english: 'anglais' },
  { name: 'ko-KR', locale: 'ko-KR', ui: 'ko', english: '영어' },
  { name: 'ja-JP', locale: 'ja-JP', ui: 'ja', english: '英語' },
  { name: 'zh-TW', locale: 'zh-TW', ui: 'zh', english: '英语' },
  {
    name: 'fr-FR, en-US',
    locale: 'fr-FR',
    languages: ['fr-FR', 'en-US'],
    ui: 'fr',
    english: 'anglais',
  },
] as const;

async function phone(locale: string, languages?: readonly string[]) {
  const opened = await newPage(browser, { viewport: 'phone', locale });
  if (languages) {
    // Playwright's locale gives one language; a phone may list several, in order.
    await opened.page.addInitScript((list) => {
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => list });
    }, languages);
  }
  return opened;
}

/** What a visitor can read or hear named: visible text, and accessible names and tooltips. */
const screenTexts = (page: Page) =>
  page.evaluate(() => {
    const texts = [document.body.innerText];
    for (const element of document.querySelectorAll<HTMLElement>('[aria-label], [title]')) {
      if (element.closest('select') || element.closest('[hidden]')) continue;
      texts.push(element.getAttribute('aria-label') ?? '', element.title);
    }
    // The picker names each language in itself ("Tiếng Việt"): a proper name.
    return texts.join('\n').replace(/Tiếng Việt/g, '');
  });

describe('a foreign phone opens every scene link of the sample tour', () => {
  it.each(PHONES)('$name: interface in its language, English texts marked', async (spec) => {
    const { page, errors } = await phone(
      spec.locale,
      'languages' in spec ? spec.languages : undefined,
    );
    const strings = LOCALES[spec.ui];
    // Every scene on the first phone; the start scene and one link on the others (the rules
    // are the same per scene, the languages are what differs).
    const walked = spec === PHONES[0] ? scenes : scenes.slice(0, 2);
    for (const [index, scene] of walked.entries()) {
      // Each scene as its printed QR code opens it: no language in the link.
      if (index === 0) await page.goto(`${baseUrl}#/demo/${scene.id}`);
      else await page.evaluate((id) => (location.hash = `#/demo/${id}`), scene.id);
      const title = page.getByTestId('scene-title');
      await expect.poll(() => title.getAttribute('lang')).toBe('en');
      await expect.poll(() => title.textContent()).toContain(scene.title.en);
      if (index === 0) await waitForCanvasDrawn(page);

      expect(await page.evaluate(() => document.documentElement.lang)).toBe(spec.ui);
      // The address still names no language: the next phone gets its own.
      expect(page.url()).toMatch(new RegExp(`#/demo/${scene.id}(\\?v=[^&]*)?$`));
      // The interface: the Listen button and the places list in the visitor's language.
      const listen = page.getByTestId('narration-play');
      expect(await listen.textContent()).toBe(strings.narration.listen);
      expect(await page.getByTestId('places').getAttribute('aria-label')).toBe(
        strings.viewer.places,
      );
      // The fallback mark, once in the bar, in the visitor's language and marked as such.
      const mark = page.locator('.topbar [data-testid="fallback-mark"]');
      expect(await mark.count()).toBe(1);
      expect(await mark.textContent()).toContain(spec.english);
      expect(await mark.getAttribute('lang')).toBe(spec.ui);
      expect(await mark.isVisible()).toBe(true);
      // The narration: the English recording, with a line saying it is English.
      await expect
        .poll(() =>
          page.evaluate(
            () => document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')?.src,
          ),
        )
        .toMatch(new RegExp(`/audio/en/${scene.id}\\.mp3$`));
      const notice = page.getByTestId('narration-notice');
      expect(await notice.textContent()).toContain(spec.english);
      expect(await notice.isVisible()).toBe(true);
      expect(await page.getByTestId('narration-audio').getAttribute('lang')).toBe('en');
      // Nothing Vietnamese on screen (nor in names a screen reader reads out).
      const texts = await screenTexts(page);
      expect(texts.match(VIETNAMESE)?.[0], texts).toBeUndefined();
      if (index === 0 || spec === PHONES[0])
        await screenshot(
          page,
          `languages-${spec.ui}${'languages' in spec ? '-fr-en' : ''}-${scene.id}`,
        );
    }
    // An info panel: English text with its mark in the visitor's language.
    const first = scenes[0]!;
    const info = first.hotspots.find((hotspot) => hotspot.type === 'info')!;
    await page.evaluate((link) => (location.hash = link), `#/demo/${first.id}/${info.id}`);
    const panel = page.getByTestId('panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h2').textContent()).toBe(info.title!.en);
    expect(await panel.locator('h2').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('fallback-note').textContent()).toContain(spec.english);
    const texts = await screenTexts(page);
    expect(texts.match(VIETNAMESE)?.[0], texts).toBeUndefined();
    await screenshot(page, `languages-${spec.ui}-panel`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the language a link or the visitor names', () => {
  it('l=fr on a Vietnamese phone: French interface, the address keeps it, six languages offered', async () => {
    const { page, errors } = await phone('vi-VN');
    const [first, second] = scenes;
    await page.goto(`${baseUrl}#/demo/${first!.id}?l=fr`);
    await waitForCanvasDrawn(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.getByTestId('narration-play').textContent()).toBe(fr.narration.listen);
    const picker = page.getByTestId('language');
    const options = await picker
      .locator('option')
      .evaluateAll((all) =>
        all.map((option) => [
          (option as HTMLOptionElement).value,
          option.hasAttribute('data-content'),
        ]),
      );
    expect(options).toEqual([
      ['vi', true],
      ['en', true],
      ['fr', false],
      ['zh', false],
      ['ko', false],
      ['ja', false],
    ]);
    expect(await picker.inputValue()).toBe('fr');
    expect(page.url()).toMatch(/[?&]l=fr$/);
    // Walking on keeps it: never rewritten to the tour's default.
    await page.evaluate((id) => (location.hash = `#/demo/${id}?l=fr`), second!.id);
    await expect
      .poll(() => page.getByTestId('scene-title').textContent())
      .toContain(second!.title.en);
    expect(page.url()).toMatch(/[?&]l=fr$/);
    await screenshot(page, 'languages-l-fr-on-vi-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a language chosen on the list of tours survives opening a tour', async () => {
    const { page, errors } = await phone('vi-VN');
    await page.goto(baseUrl);
    await page.locator('[data-tour="demo"]').waitFor();
    await page.locator('.catalogue-bar').getByTestId('language').selectOption('ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await expect
      .poll(() => page.locator('.catalogue h1').textContent())
      .toBe(ko.app.catalogueTitle);
    await page.locator('[data-tour="demo"]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/demo'));
    await expect.poll(() => page.getByTestId('scene-title').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.getByTestId('narration-play').textContent()).toBe(ko.narration.listen);
    expect(await page.getByTestId('language').inputValue()).toBe('ko');
    await screenshot(page, 'languages-ko-chosen-on-home');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches every text of the screen at once, the open panel included', async () => {
    const { page, errors } = await phone('vi-VN');
    const first = scenes[0]!;
    const info = first.hotspots.find((hotspot) => hotspot.type === 'info')!;
    await page.goto(`${baseUrl}#/demo/${first.id}/${info.id}`);
    const panel = page.getByTestId('panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h2').textContent()).toBe(info.title!.vi);
    await page.getByTestId('language').selectOption('ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    // The panel stays open, redrawn: English text marked in Japanese.
    await expect.poll(() => panel.locator('h2').textContent()).toBe(info.title!.en);
    expect(await page.getByTestId('fallback-note').textContent()).toContain('英語');
    expect(await page.getByTestId('places').getAttribute('aria-label')).toBe(ja.viewer.places);
    expect(await page.getByTestId('narration-play').getAttribute('aria-label')).toBe(
      ja.narration.listen,
    );
    // PSV's navbar too (its buttons are named by their titles).
    const navbarTitles = await page
      .locator('.psv-navbar [title]')
      .evaluateAll((all) => all.map((element) => element.getAttribute('title')));
    expect(navbarTitles).toContain(ja.viewer.zoomIn);
    const texts = await screenTexts(page);
    expect(texts.match(VIETNAMESE)?.[0], texts).toBeUndefined();
    await screenshot(page, 'languages-switched-ja-panel-open');
    expect(errors).toEqual([]);
    await page.close();
  });
});
