/**
 * "Hear it": the editor's narration, end to end on Vite's dev server with the real espeak-ng
 * and lame, on a temporary copy of the sample tour. The author hears a recording (the audio
 * element's time advances), sees "the recording is older than the text" as soon as the text
 * changes, regenerates it in one click, and makes every missing reading of the tour with a
 * progress bar. Screenshots: test-results/screenshots/editor-narration-*.png.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { requireTools } from '../support/tools.ts';
import { projectRoot } from './support/dev-server.ts';
import {
  type EditorSession,
  openEditorSession,
  seriousViolations,
} from './support/editor-session.ts';

const tools = requireTools(['espeak-ng', 'lame'], 'the editor narration tests');
const TOUR = 'demo';
const NEW_TEXT = 'Đây là sân Napoléon của Bảo tàng Louvre. Kim tự tháp kính mở cửa năm 1989.';

let session: EditorSession;
let tempDir: string;
let tourDir: string;
let baseUrl: string;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await openEditorSession('editor-narration', {
    tours: [TOUR],
    prepare: async (toursDir) => {
      tourDir = path.join(toursDir, TOUR);
      // Two readings missing, for "generate every missing narration".
      const manifest = JSON.parse(await readFile(path.join(tourDir, 'tour.json'), 'utf8')) as {
        scenes: {
          id: string;
          narration: Record<string, { text?: string; audio?: string; captions?: string }>;
          hotspots: unknown[];
        }[];
      };
      // Short texts: the machine is shared, and the length of a reading is not what is tested.
      for (const [sceneId, lang, text] of [
        ['puy-de-sancy', 'vi', 'Đỉnh Puy de Sancy cao 1.885 mét.'],
        ['tintamarre', 'en', 'Tintamarre is a small, flat islet.'],
        ['machu-picchu', 'en', 'Machu Picchu is an Inca citadel.'],
      ] as const) {
        const track = manifest.scenes.find((scene) => scene.id === sceneId)?.narration[lang];
        if (!track) throw new Error(`no ${lang} narration in ${sceneId}`);
        delete track.audio;
        delete track.captions;
        track.text = text;
      }
      // The third cannot be written (a folder stands where its sound file goes): it must fail
      // alone, with its reason, and not stop the others.
      await rm(path.join(tourDir, 'audio/en/machu-picchu.mp3'));
      await mkdir(path.join(tourDir, 'audio/en/machu-picchu.mp3/in-the-way'), { recursive: true });
      // A sound at a point, to hear from its hotspot panel.
      manifest.scenes
        .find((scene) => scene.id === 'puy-de-sancy')
        ?.hotspots.push({
          id: 'wind',
          type: 'audio',
          position: { yaw: -60, pitch: 5 },
          title: { vi: 'Tiếng gió', en: 'The wind' },
          audio: { vi: 'audio/vi/louvre.mp3' },
        });
      await writeFile(path.join(tourDir, 'tour.json'), JSON.stringify(manifest, null, 2));
    },
  });
  ({ tempDir, baseUrl, page, errors } = session);
  await page.goto(`${baseUrl}/editor/?tour=${TOUR}`);
  await page.locator('.ed-scene[data-scene="louvre"]').waitFor();
}, 120_000);

afterAll(() => session?.close());

const shot = (name: string) => screenshot(page, `editor-narration-${name}`);
const row = (lang: string) => page.locator(`[data-narration-lang="${lang}"]`);
const stateOf = (lang: string) =>
  page.getByTestId(`narration-state-${lang}`).getAttribute('data-state');

describe.skipIf(tools.missing.length > 0)(`editor narration${tools.reason}`, () => {
  it('plays a recording and pauses it', async () => {
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    const play = row('vi').getByRole('button', { name: 'Nghe', exact: true });
    await play.click();
    const audio = page.getByTestId('narration-play-vi-audio');
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), {
        message: 'the recording does not play',
      })
      .toBeGreaterThan(0.3);
    const pause = row('vi').getByRole('button', { name: 'Tạm dừng', exact: true });
    await pause.click();
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.paused)).toBe(true);
    await row('vi').getByRole('button', { name: 'Nghe', exact: true }).waitFor();
    // The time played is shown as minutes:seconds, beside the button.
    expect(await row('vi').locator('.ed-time').textContent()).toMatch(/^0:0\d \/ 0:\d\d$/);
  });

  it('says the recording is older than the text once it is edited, and regenerates it', async () => {
    await expect.poll(() => stateOf('vi')).toBe('fresh');
    await page.locator('.ed-panel textarea[data-field="narration"][data-lang="vi"]').fill(NEW_TEXT);
    await expect.poll(() => stateOf('vi')).toBe('stale');
    expect(await page.getByTestId('narration-state-vi').textContent()).toBe(
      'Bản đọc cũ hơn lời thuyết minh: hãy tạo lại.',
    );
    // The other language did not change.
    expect(await stateOf('en')).toBe('fresh');
    // No file names or format names in the default view (they sit in the closed fold).
    const visible = await page.locator('[data-field="narrationAudio"]').innerText();
    expect(visible).not.toMatch(/audio\/|\.mp3|\.vtt|WebVTT/);
    await row('vi').scrollIntoViewIfNeeded();
    await shot('stale');
    expect(await seriousViolations(page, '.ed-panel')).toEqual([]);

    await row('vi').getByRole('button', { name: 'Tạo lại giọng đọc' }).click();
    await expect.poll(() => stateOf('vi'), { timeout: 60_000 }).toBe('fresh');
    expect(await page.getByTestId('narration-state-vi').textContent()).toBe(
      'Bản đọc khớp lời thuyết minh.',
    );
    // The play button now plays the new, shorter reading, not the old one from the cache.
    const audio = page.getByTestId('narration-play-vi-audio');
    await audio.evaluate((el: HTMLAudioElement) => el.load());
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeLessThan(15);
    const captions = await readFile(path.join(tourDir, 'audio/vi/louvre.vtt'), 'utf8');
    expect(captions).toContain('Kim tự tháp kính mở cửa năm 1989.');
    expect(captions).not.toContain('UNESCO');
    await shot('regenerated');
    expect(errors).toEqual([]);
  });

  it('explains a missing espeak-ng in Vietnamese with how to install it, never "ENOENT"', async () => {
    // The dev server runs in this process: without PATH it cannot find the programs.
    const saved = process.env.PATH;
    process.env.PATH = path.join(tempDir, 'no-programs-here');
    try {
      await row('en').getByRole('button', { name: 'Tạo lại giọng đọc' }).click();
      await expect.poll(() => stateOf('en')).toBe('failed');
    } finally {
      process.env.PATH = saved;
    }
    const told = (await page.getByTestId('narration-state-en').textContent()) ?? '';
    expect(told).toMatch(
      /^Không tạo được giọng đọc: máy này chưa cài chương trình espeak-ng, lame\./,
    );
    expect(told).toContain('sudo apt-get install espeak-ng lame');
    expect(told).toContain('brew install espeak-ng lame');
    expect(told).not.toMatch(/ENOENT|spawn/);
    await row('en').scrollIntoViewIfNeeded();
    await shot('tools-missing');
    // Nothing was lost: the old reading is still there and still matches its text.
    await page.locator('.ed-scene[data-scene="machu-picchu"]').click();
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await expect.poll(() => stateOf('en')).toBe('fresh');
  });

  it('generates every missing narration of the tour with a progress bar; one failure stops none', async () => {
    await page.locator('[data-action="tour-settings"]').click();
    const summary = page.getByTestId('narrate-all-summary');
    await expect
      .poll(() => summary.textContent())
      .toBe('Cần tạo 3 bản đọc: 3 chưa có, 0 cũ hơn lời thuyết minh.');
    expect(await seriousViolations(page, '.ed-panel')).toEqual([]);
    await page.getByRole('button', { name: 'Tạo mọi bản đọc còn thiếu hoặc cũ' }).click();
    const line = page.getByTestId('narrate-all-line');
    await expect.poll(() => line.textContent()).toMatch(/^\d \/ 3 — đang đọc: /);
    await shot('all-running');
    await expect
      .poll(() => line.textContent(), { timeout: 90_000 })
      .toBe('Xong: đã tạo 2 / 3 bản đọc; 1 bản chưa tạo được (xem lý do bên dưới).');
    const progress = page.getByTestId('narrate-all-progress');
    expect(await progress.evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([
      3, 3,
    ]);
    const failures = page.getByTestId('narrate-all-failures').locator('li');
    expect(await failures.allTextContents()).toEqual([
      'Machu Picchu — thành cổ và ruộng bậc thang (en): không lưu được giọng đọc vào thư mục tour: ổ đĩa có thể đã đầy, thư mục không cho ghi, hoặc một thư mục khác đã chiếm chỗ của tệp âm thanh. Hãy kiểm tra rồi thử lại.',
    ]);
    await expect
      .poll(() => summary.textContent())
      .toBe('Cần tạo 1 bản đọc: 1 chưa có, 0 cũ hơn lời thuyết minh.');
    await shot('all-done');
    for (const file of ['audio/vi/puy-de-sancy.vtt', 'audio/en/tintamarre.vtt']) {
      expect(await readFile(path.join(tourDir, file), 'utf8')).toMatch(/^WEBVTT/);
    }
    // No half-made file was left beside the one that failed.
    expect(
      (await readdir(path.join(tourDir, 'audio/en'))).filter((f) => f.endsWith('.tmp')),
    ).toEqual([]);
    // The new readings are in the manifest the editor holds (Save writes it).
    await page.locator('.ed-scene[data-scene="tintamarre"]').click();
    await expect.poll(() => stateOf('en')).toBe('fresh');
    await row('en').getByRole('button', { name: 'Nghe', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it('cannot judge an uploaded recording without captions, and says so', async () => {
    // A file called like another scene's recording: that one must stay as it is.
    const louvre = path.join(tourDir, 'audio/vi/louvre.mp3');
    const before = await readFile(louvre);
    await page
      .getByTestId('narration-audio-vi')
      .setInputFiles(path.join(projectRoot, 'tours/demo/audio/en/louvre.mp3'));
    await expect.poll(() => stateOf('vi')).toBe('unknown');
    expect(await page.getByTestId('narration-state-vi').textContent()).toBe(
      'Bản ghi âm này không có phụ đề nên không kiểm tra được nó có khớp lời thuyết minh không.',
    );
    await row('vi').getByRole('button', { name: 'Nghe', exact: true }).waitFor();
    expect((await readFile(louvre)).equals(before)).toBe(true);
    expect(await page.locator('[data-narration-lang="vi"] code').first().textContent()).toBe(
      'audio/vi/louvre-2.mp3',
    );
  });

  it('plays the sound of an audio point', async () => {
    await page.locator('.ed-scene[data-scene="puy-de-sancy"]').click();
    await page.locator('.ed-marker-audio').click();
    const group = page.getByRole('group', { name: /\(Tiếng Việt\)$/ }).filter({
      has: page.getByTestId('audio-play-vi'),
    });
    await group.getByRole('button', { name: 'Nghe', exact: true }).click();
    await expect
      .poll(() =>
        page.getByTestId('audio-play-vi-audio').evaluate((el: HTMLAudioElement) => el.currentTime),
      )
      .toBeGreaterThan(0.3);
    await group.getByRole('button', { name: 'Tạm dừng', exact: true }).click();
    // The English sound is missing: said in words, with nothing to play.
    expect(await page.getByTestId('audio-play-en').count()).toBe(0);
    expect(await page.locator('[data-field="audio"]').innerText()).toContain('Chưa có âm thanh.');
    expect(await seriousViolations(page, '.ed-panel')).toEqual([]);
    await shot('audio-point');
    // The English editor: "Play", and the same warnings in English.
    await page.getByTestId('ui-language').selectOption('en');
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await row('vi').getByRole('button', { name: 'Play', exact: true }).waitFor();
    await expect
      .poll(() => page.getByTestId('narration-state-vi').textContent())
      .toBe('The recording matches the narration text.');
    await row('vi').scrollIntoViewIfNeeded();
    await shot('english');
    expect(errors).toEqual([]);
  });
});
