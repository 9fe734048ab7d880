// @vitest-environment happy-dom
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin, PIN_HASH_PATTERN, verifyPin } from '../../src/core/kiosk/pin.ts';
import { kioskPinCommand } from '../../src/node/cli/commands/kiosk-pin.ts';
import { creditsMarkdown } from '../../src/web/app/hotspot-panels.ts';
import { createTranslator } from '../../src/web/i18n/i18n.ts';
import { isKioskPage, withoutLinks } from '../../src/web/kiosk/kiosk-page.ts';
import { parseKioskConfig } from '../../src/web/kiosk/config.ts';
import type { StaffData } from '../../src/web/kiosk/staff-data.ts';
import { CornerTaps, onStaffGesture } from '../../src/web/kiosk/staff-gesture.ts';
import { StaffScreen } from '../../src/web/kiosk/staff-screen.ts';
import { type ReloadRecord, reloadDecision, Watchdog } from '../../src/web/kiosk/watchdog.ts';

// Few iterations keep the tests fast; the format and the check are the same.
const FAST = 1000;

describe('staff PIN', () => {
  it('hashes with a fresh salt, verifies the right PIN and refuses others', async () => {
    const one = await hashPin('482916', FAST);
    const two = await hashPin('482916', FAST);
    expect(one).toMatch(PIN_HASH_PATTERN);
    expect(one).not.toBe(two); // salted: the same PIN never gives the same text
    expect(one).not.toContain('482916');
    expect(await verifyPin('482916', one)).toBe(true);
    expect(await verifyPin('482916', two)).toBe(true);
    expect(await verifyPin('482917', one)).toBe(false);
    expect(await verifyPin('', one)).toBe(false);
    expect(await verifyPin('482916', 'not a hash')).toBe(false);
    expect(await verifyPin('482916', one.replace(/.$/, one.endsWith('A') ? 'B' : 'A'))).toBe(false);
  });

  it('is a profile field that accepts a hash and refuses a PIN in clear', async () => {
    const hash = await hashPin('1234', FAST);
    expect(parseKioskConfig({ tours: ['demo'], staffPin: hash }, 'k.json')).toMatchObject({
      ok: true,
      value: { staffPin: hash },
    });
    expect(parseKioskConfig({ tours: ['demo'], staffPin: '1234' }, 'k.json').ok).toBe(false);
  });

  it('`tour kiosk-pin` prints a hash, or writes it into a profile keeping the rest', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-pin-'));
    const context = {
      cwd: dir,
      env: { LANG: 'en_US.UTF-8' },
      stdout: (text: string) => void out.push(text),
      stderr: (text: string) => void err.push(text),
    };
    expect(await kioskPinCommand.run(['135790'], context)).toBe(0);
    const printed = out.join('').trim();
    expect(printed).toMatch(PIN_HASH_PATTERN);
    expect(await verifyPin('135790', printed)).toBe(true);

    await writeFile(join(dir, 'k.json'), JSON.stringify({ tours: ['demo'], idleSeconds: 60 }));
    expect(await kioskPinCommand.run(['246801', '--profile', 'k.json'], context)).toBe(0);
    const profile = JSON.parse(await readFile(join(dir, 'k.json'), 'utf8'));
    expect(profile).toMatchObject({ tours: ['demo'], idleSeconds: 60 });
    expect(await verifyPin('246801', profile.staffPin)).toBe(true);
    expect(JSON.stringify(profile)).not.toContain('246801');

    expect(await kioskPinCommand.run(['12a4'], context)).toBe(2);
    expect(err.join('')).toContain('4–12 digits');
  });
});

describe('staff gesture', () => {
  it('is five taps in the top-left corner within 3 s', () => {
    const taps = new CornerTaps();
    const tapAt = (times: number[], x = 20, y = 20) => times.map((t) => taps.tap(x, y, t));
    expect(tapAt([0, 500, 1000, 1500, 2000])).toEqual([false, false, false, false, true]);
    // Too slow: the first tap has fallen out of the 3 s window when the fifth comes.
    expect(tapAt([10_000, 11_000, 12_000, 13_000, 14_000])).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(taps.tap(20, 20, 14_500)).toBe(false); // 12 000…14 500: four within 3 s
    expect(taps.tap(20, 20, 14_900)).toBe(true); // 12 000…14 900: five
  });

  it('does not count taps elsewhere, and one elsewhere breaks the sequence', () => {
    const taps = new CornerTaps();
    expect([0, 100, 200, 300, 400].map((t) => taps.tap(500, 20, t))).not.toContain(true);
    for (const t of [1000, 1100, 1200, 1300]) taps.tap(10, 10, t);
    expect(taps.tap(900, 600, 1350)).toBe(false);
    expect(taps.tap(10, 10, 1400)).toBe(false);
  });

  it('listens on pointerdown and stops when asked', () => {
    let now = 0;
    const target = new EventTarget();
    const opened = vi.fn();
    const stop = onStaffGesture(opened, target, {}, () => now);
    const tap = () => {
      const event = new Event('pointerdown') as Event & { clientX: number; clientY: number };
      Object.assign(event, { clientX: 5, clientY: 5 });
      target.dispatchEvent(event);
      now += 200;
    };
    for (let i = 0; i < 5; i++) tap();
    expect(opened).toHaveBeenCalledTimes(1);
    stop();
    for (let i = 0; i < 5; i++) tap();
    expect(opened).toHaveBeenCalledTimes(1);
  });
});

describe('watchdog decisions', () => {
  const policy = { maxReloads: 3, reloadWindowMs: 60_000 };

  it('allows a few reloads, then waits for the window to pass', () => {
    expect(reloadDecision([], 0, policy)).toEqual({ reload: true });
    expect(reloadDecision([1000, 2000], 3000, policy)).toEqual({ reload: true });
    expect(reloadDecision([1000, 2000, 3000], 4000, policy)).toEqual({
      reload: false,
      retryInMs: 57_000,
    });
    // Old reloads no longer count.
    expect(reloadDecision([1000, 2000, 3000], 61_500, policy)).toEqual({ reload: true });
  });

  describe('bounded reloads', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('a fault that survives every reload cannot make the kiosk reload in a loop', () => {
      const records: ReloadRecord[] = [];
      const log = {
        read: () => [...records],
        write: (next: ReloadRecord[]) => void records.splice(0, records.length, ...next),
      };
      const reload = vi.fn();
      // Each "page" is a new watchdog reading the same log, as after a real reload.
      const burst = () => {
        const dog = new Watchdog({ reload, maxErrors: 2, log, ...policy, now: () => Date.now() });
        dog.start();
        window.dispatchEvent(new Event('error'));
        window.dispatchEvent(new Event('error'));
        return dog;
      };
      for (let i = 0; i < 3; i++) burst().stop();
      expect(reload).toHaveBeenCalledTimes(3);
      const waiting = burst();
      expect(reload).toHaveBeenCalledTimes(3);
      vi.advanceTimersByTime(59_000);
      expect(reload).toHaveBeenCalledTimes(3);
      vi.advanceTimersByTime(1_500);
      expect(reload).toHaveBeenCalledTimes(4);
      // Only reloads inside the window are kept: the log cannot grow without bound.
      expect(records.map((r) => r.reason)).toEqual(['errors']);
      waiting.stop();
    });

    it('no reload when the viewer replaced the lost canvas by itself', () => {
      const reload = vi.fn();
      const dog = new Watchdog({
        reload,
        contextGraceMs: 1000,
        isLost: (canvas) => canvas.isConnected,
        log: { read: () => [], write: () => undefined },
      });
      dog.start();
      const canvas = document.createElement('canvas');
      document.body.appendChild(canvas);
      canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
      canvas.remove(); // viewer-host made a new viewer
      vi.advanceTimersByTime(1500);
      expect(reload).not.toHaveBeenCalled();
      dog.stop();
    });
  });
});

describe('staff screen', () => {
  const data: StaffData = {
    tours: async () => [
      {
        id: 'demo',
        version: 'abc123',
        savedBytes: 6_500_000,
        savedFiles: 164,
        lastCheck: '2026-12-01T08:00:00.000Z',
        lastSuccess: '2026-11-30T08:00:00.000Z',
        retries: 2,
        errors: ['2026-12-01 07:59:00 network: audio/vi/louvre.mp3'],
      },
    ],
    storage: async () => ({ usedBytes: 7_000_000, freeBytes: 1_000_000_000, persisted: true }),
    checkNow: vi.fn(async () => undefined),
    downloadAgain: vi.fn(async () => true),
  };

  const type = (screen: StaffScreen, digits: string) => {
    for (const digit of digits)
      screen.element
        .querySelector<HTMLButtonElement>(`[data-testid="staff-pin-key-${digit}"]`)!
        .click();
    screen.element.querySelector<HTMLButtonElement>('[data-testid="staff-pin-ok"]')!.click();
  };
  const find = (screen: StaffScreen, id: string) =>
    screen.element.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  it('refuses a wrong PIN, shows versions and storage after the right one, in Vietnamese', async () => {
    const t = await createTranslator('en');
    const closed = vi.fn();
    const screen = new StaffScreen({
      pinHash: await hashPin('2580', FAST),
      languages: ['en', 'vi'],
      idleMs: 60_000,
      t,
      data,
      onClose: closed,
    });
    document.body.append(screen.element);
    screen.open();
    type(screen, '1111');
    await vi.waitFor(() =>
      expect(find(screen, 'staff-pin-message')?.textContent).toBe('Sai mã PIN.'),
    );
    expect(find(screen, 'staff-screen')).toBeNull();
    type(screen, '2580');
    await vi.waitFor(() => expect(find(screen, 'staff-screen')).not.toBeNull());
    expect(find(screen, 'staff-version')?.textContent).toBe('abc123');
    expect(find(screen, 'staff-size')?.textContent).toBe('6.5 MB · 164 tệp');
    expect(find(screen, 'staff-retries')?.textContent).toBe('2');
    expect(find(screen, 'staff-errors')?.textContent).toContain('audio/vi/louvre.mp3');
    expect(find(screen, 'staff-storage-free')?.textContent).toBe('1000.0 MB');
    expect(find(screen, 'staff-storage-persistent')?.textContent).toContain('Có');
    find(screen, 'staff-lang-en')!.click();
    await vi.waitFor(() =>
      expect(find(screen, 'staff-check')?.textContent).toBe('Check for updates now'),
    );
    find(screen, 'staff-check')!.click();
    await vi.waitFor(() =>
      expect(find(screen, 'staff-status')?.textContent).toBe('Check finished (results below).'),
    );
    expect(data.checkNow).toHaveBeenCalledTimes(1);
    // "Download again" asks for a second press before it deletes anything.
    find(screen, 'staff-download-demo')!.click();
    expect(data.downloadAgain).not.toHaveBeenCalled();
    find(screen, 'staff-download-demo')!.click();
    await vi.waitFor(() => expect(data.downloadAgain).toHaveBeenCalledWith('demo'));
    find(screen, 'staff-close')!.click();
    expect(screen.isOpen).toBe(false);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('locks the keypad after five wrong PINs, and closes by itself when left alone', async () => {
    const t = await createTranslator('vi');
    const screen = new StaffScreen({
      pinHash: await hashPin('2580', FAST),
      languages: ['vi'],
      idleMs: 5_000,
      t,
      data,
    });
    document.body.append(screen.element);
    screen.open();
    for (let i = 0; i < 5; i++) {
      type(screen, '0000');
      await vi.waitFor(() => expect(find(screen, 'staff-pin-message')?.textContent).not.toBe(''));
    }
    await vi.waitFor(() =>
      expect(find(screen, 'staff-pin-message')?.textContent).toContain('Thử lại sau'),
    );
    expect(find(screen, 'staff-pin-ok')?.hasAttribute('disabled')).toBe(true);
    vi.useFakeTimers();
    try {
      screen.close();
      screen.open();
      vi.advanceTimersByTime(5_100);
      expect(screen.isOpen).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('credits and links on a kiosk', () => {
  it('brings CREDITS.md into the safe subset: headings, tables and wrapped lines', () => {
    const source = [
      '# Credits — `demo`',
      '',
      'This is a demonstration',
      'tour.',
      '',
      '| file | licence |',
      '|---|---|',
      '| `louvre.jpg` | **CC BY-SA 2.0** (https://creativecommons.org/licenses/by-sa/2.0/) |',
      '',
      '- one',
      '- two',
    ].join('\n');
    expect(creditsMarkdown(source).split('\n\n')).toEqual([
      '**Credits — demo**',
      'This is a demonstration tour.',
      'file · licence',
      'louvre.jpg · **CC BY-SA 2.0** (https://creativecommons.org/licenses/by-sa/2.0/)',
      '- one\n- two',
    ]);
  });

  it('shows links as their text, so nothing on a kiosk leads out of the app', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<p>See <a href="https://example.org/" target="_blank">the <b>site</b></a>.</p>';
    withoutLinks(root);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).toBe('See the site.');
    expect(root.querySelector('b')?.textContent).toBe('site');
    document.documentElement.classList.add('kiosk');
    expect(isKioskPage()).toBe(true);
    document.documentElement.classList.remove('kiosk');
    expect(isKioskPage()).toBe(false);
  });
});
