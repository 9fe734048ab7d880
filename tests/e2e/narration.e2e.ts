/**
 * Narration end to end: the visitor's language picks the recording and its captions; a
 * scene without a recording is read by the device's voice, or shown as a transcript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseWebVtt, type VttCue } from '../../src/core/narration/webvtt.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const SCENE = 'louvre';
let browser: Browser;
let tour: {
  scenes: Array<{
    id: string;
    title: Record<string, string>;
    hotspots: unknown[];
    narration?: Record<string, { text?: string; audio?: string }>;
  }>;
};

beforeAll(async () => {
  browser = await launchBrowser();
  tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
});

afterAll(async () => {
  await browser?.close();
});

async function cues(lang: string): Promise<VttCue[]> {
  const text = await (await fetch(`${baseUrl}tours/demo/audio/${lang}/${SCENE}.vtt`)).text();
  const parsed = parseWebVtt(text);
  if (!parsed.ok) throw new Error('sample captions do not parse');
  return parsed.value;
}

const audioState = (page: Page) =>
  page.evaluate(() => {
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')!;
    return { src: audio.currentSrc, time: audio.currentTime, paused: audio.paused };
  });

const captionText = (page: Page) => page.getByTestId('captions').textContent();

async function open(page: Page, lang: string): Promise<void> {
  await page.goto(`${baseUrl}#/demo/${SCENE}?l=${lang}`);
  await waitForCanvasDrawn(page);
  await page.getByTestId('narration').waitFor();
}

async function waitForTimeAbove(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction(
    (min) =>
      (document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')?.currentTime ??
        0) > min,
    seconds,
    { timeout: 15_000 },
  );
}

describe('recorded narration', () => {
  it('offers the English recording on a phone and plays it only after a tap', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await open(page, 'en');
    const play = page.getByTestId('narration-play');
    expect(await play.textContent()).toContain('Listen');
    // The recording is loaded and offered: had it started by itself, it would be playing now.
    await page.waitForFunction(() =>
      document
        .querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')
        ?.currentSrc.endsWith('/audio/en/louvre.mp3'),
    );
    expect((await audioState(page)).paused).toBe(true);
    await screenshot(page, 'narration-offered-phone-en');

    await play.click();
    await waitForTimeAbove(page, 1);
    const state = await audioState(page);
    expect(state.src).toMatch(/\/tours\/demo\/audio\/en\/louvre\.mp3$/);
    expect(state.paused).toBe(false);
    expect(await play.getAttribute('aria-label')).toBe('Pause');
    await screenshot(page, 'narration-playing-phone-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the caption of the moment, and a later one after seeking', async () => {
    const { page } = await newPage(browser, { viewport: 'kiosk' });
    const english = await cues('en');
    await open(page, 'en');
    await page.getByTestId('narration-play').click();
    await page.waitForFunction(
      (first) => document.querySelector('[data-testid="captions"]')?.textContent === first,
      english[0]!.text,
    );
    const later = english[Math.floor(english.length / 2)]!;
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector<HTMLInputElement>('[data-testid="narration-progress"]')?.max,
        ) > 0,
    );
    await page.getByTestId('narration-progress').evaluate((input: HTMLInputElement, time) => {
      input.value = String(time);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, later.start + 0.2);
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="captions"]')?.textContent === text,
      later.text,
    );
    expect(await captionText(page)).not.toBe(english[0]!.text);
    await screenshot(page, 'narration-captions-kiosk-en');
    await page.getByTestId('narration-captions').click();
    expect(await page.getByTestId('captions').isHidden()).toBe(true);
    await page.close();
  });

  it('switches the recording and captions when the language changes mid-scene', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await open(page, 'en');
    await page.getByTestId('narration-play').click();
    await waitForTimeAbove(page, 0.5);
    await page.getByTestId('language').selectOption('vi');
    await page.waitForFunction(() =>
      document
        .querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')
        ?.currentSrc.endsWith('/audio/vi/louvre.mp3'),
    );
    await waitForTimeAbove(page, 0.5);
    expect((await audioState(page)).paused).toBe(false);
    const vietnamese = await cues('vi');
    await page.waitForFunction(
      (texts) =>
        texts.includes(document.querySelector('[data-testid="captions"]')?.textContent ?? ''),
      vietnamese.map((cue) => cue.text),
    );
    await page.close();
  });
});

describe('narration without a recording', () => {
  /** The sample tour with the English recording of the scene removed, text kept. */
  async function withoutEnglishRecording(page: Page): Promise<string> {
    const copy = structuredClone(tour);
    const track = copy.scenes.find((scene) => scene.id === SCENE)!.narration!.en!;
    delete track.audio;
    delete (track as { captions?: string }).captions;
    await page.route('**/tours/demo/tour.json', (route) => route.fulfill({ json: copy }));
    return track.text!;
  }

  it('reads the text with the device voice, captions following each sentence', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.addInitScript(() => {
      // A stand-in for a device voice: headless Chromium has none.
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      const voice = { lang: 'en-US', name: 'Test voice', default: true, localService: true };
      const synth = {
        getVoices: () => [voice],
        addEventListener: () => undefined,
        cancel: () => undefined,
        speak: (utterance: SpeechSynthesisUtterance) => {
          spoken.push(utterance.text);
          setTimeout(() => utterance.onstart?.(new Event('start') as SpeechSynthesisEvent), 10);
          setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 700);
        },
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth });
      // Real utterances accept only real voices: the stand-in needs a stand-in utterance.
      (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance =
        class {
          text: string;
          constructor(text: string) {
            this.text = text;
          }
        };
    });
    const text = await withoutEnglishRecording(page);
    await open(page, 'en');
    expect(await page.getByTestId('narration-notice').textContent()).toContain('Computer voice');
    await page.getByTestId('narration-play').click();
    const firstSentence = text.split('. ')[0]!;
    await page.waitForFunction(
      (start) => document.querySelector('[data-testid="captions"]')?.textContent?.startsWith(start),
      firstSentence,
    );
    await page.waitForFunction(
      () => (window as unknown as { spoken: string[] }).spoken.length >= 2,
    );
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken[0]).toContain(firstSentence);
    expect(spoken[1]).not.toBe(spoken[0]);
    await page.waitForFunction(
      (second) => document.querySelector('[data-testid="captions"]')?.textContent === second,
      spoken[1],
    );
    expect(
      await page.evaluate(
        () =>
          document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')!.currentSrc,
      ),
    ).toBe('');
    await screenshot(page, 'narration-speech-phone-en');
    await page.close();
  });

  it('shows the transcript when no voice speaks the language', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    const text = await withoutEnglishRecording(page);
    await open(page, 'en');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="narration-notice"]')?.textContent?.includes('no voice'),
    );
    await page.getByTestId('narration-play').click();
    const panel = page.getByTestId('panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.textContent()).toContain(text.slice(0, 40));
    await screenshot(page, 'narration-transcript-phone-en');
    await page.close();
  });
});

describe('audio hotspots and missing translations', () => {
  it('an audio hotspot plays its clip and pauses the narration', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    const copy = structuredClone(tour);
    copy.scenes
      .find((scene) => scene.id === SCENE)!
      .hotspots.push({
        id: 'story',
        type: 'audio',
        position: { yaw: -10, pitch: -5 },
        title: { vi: 'Câu chuyện', en: 'A story' },
        audio: { en: 'audio/en/tintamarre.mp3' },
      });
    await page.route('**/tours/demo/tour.json', (route) => route.fulfill({ json: copy }));
    await page.goto(`${baseUrl}#/demo/${SCENE}?v=-10,-5&l=en`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('narration-play').click();
    await waitForTimeAbove(page, 0.5);
    await page.locator('[data-hotspot="story"]').click();
    const clip = page.getByTestId('panel').locator('audio');
    await clip.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector<HTMLAudioElement>('[data-testid="panel"] audio')?.currentTime ??
          0) > 0.3,
    );
    expect(await clip.evaluate((audio: HTMLAudioElement) => audio.currentSrc)).toMatch(
      /audio\/en\/tintamarre\.mp3$/,
    );
    expect((await audioState(page)).paused).toBe(true);
    await screenshot(page, 'audio-hotspot-kiosk-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a title shown in the default language because its translation is missing', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    const copy = structuredClone(tour);
    const scene = copy.scenes.find((s) => s.id === SCENE)!;
    delete scene.title.en;
    await page.route('**/tours/demo/tour.json', (route) => route.fulfill({ json: copy }));
    await open(page, 'en');
    const title = page.getByTestId('scene-title');
    // The title falls back to the tour's default and says so, in the visitor's language.
    expect(await title.textContent()).toContain(scene.title.vi);
    expect(await title.getAttribute('lang')).toBe('vi');
    expect(await title.getAttribute('class')).toContain('is-fallback');
    expect(await title.getAttribute('title')).toBe('Shown in Vietnamese');
    const mark = title.getByTestId('fallback-mark');
    expect(await mark.textContent()).toBe('Shown in Vietnamese');
    expect(await mark.getAttribute('lang')).toBe('en');
    await page.close();
  });
});
