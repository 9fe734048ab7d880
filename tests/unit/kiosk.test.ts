// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeKioskProblems, parseKioskConfig } from '../../src/web/kiosk/config.ts';
import { IdleTimer } from '../../src/web/kiosk/idle-timer.ts';
import { kioskProfile } from '../../src/web/kiosk/profile.ts';
import { type ReloadRecord, Watchdog } from '../../src/web/kiosk/watchdog.ts';

const memoryLog = (records: ReloadRecord[] = []) => ({
  read: () => [...records],
  write: (next: ReloadRecord[]) => void records.splice(0, records.length, ...next),
});

describe('kiosk profile and config', () => {
  it('reads the profile from the start address', () => {
    expect(kioskProfile('')).toBeNull();
    expect(kioskProfile('?kiosk')).toBe('default');
    expect(kioskProfile('?kiosk=nha-van-hoa-thon-1')).toBe('nha-van-hoa-thon-1');
    expect(kioskProfile('?kiosk=../../etc')).toBe('default');
  });

  it('fills defaults and rejects unknown keys with the file and path', () => {
    const ok = parseKioskConfig({ tours: ['demo'] }, 'kiosk/a.json');
    expect(ok).toMatchObject({ ok: true, value: { idleSeconds: 90, languages: ['vi', 'en'] } });
    const bad = parseKioskConfig({ tours: [], idleSecs: 5 }, 'kiosk/b.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const message = describeKioskProblems(bad.problems);
      expect(message).toContain('kiosk/b.json');
      expect(message).toContain('tours');
      expect(message).toContain('idleSecs');
      expect(bad.problems.map((p) => [p.code, p.file, p.path])).toEqual([
        ['kiosk-profile-invalid', 'kiosk/b.json', ['tours']],
        ['kiosk-profile-invalid', 'kiosk/b.json', ['idleSecs']],
      ]);
    }
  });
});

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires after the timeout without input, and input restarts the count', () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    const timer = new IdleTimer(3000, onIdle, target);
    timer.start();
    vi.advanceTimersByTime(2500);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(2500);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

describe('Watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reloads after a burst of uncaught errors, not after a few', () => {
    const reload = vi.fn();
    const dog = new Watchdog({ reload, maxErrors: 3, windowMs: 1000, log: memoryLog() });
    dog.start();
    window.dispatchEvent(new Event('error'));
    window.dispatchEvent(new Event('error'));
    vi.advanceTimersByTime(1500);
    window.dispatchEvent(new Event('error'));
    expect(reload).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('unhandledrejection'));
    window.dispatchEvent(new Event('error'));
    expect(reload).toHaveBeenCalledTimes(1);
    dog.stop();
  });

  it('reloads when a lost WebGL context is not restored in time', () => {
    const reload = vi.fn();
    // happy-dom has no WebGL: the canvas stands for one whose context stays lost.
    const dog = new Watchdog({
      reload,
      contextGraceMs: 2000,
      isLost: () => true,
      log: memoryLog(),
    });
    dog.start();
    const canvas = document.createElement('canvas');
    document.body.appendChild(canvas);
    canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    canvas.dispatchEvent(new Event('webglcontextrestored'));
    vi.advanceTimersByTime(3000);
    expect(reload).not.toHaveBeenCalled();
    canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    vi.advanceTimersByTime(2100);
    expect(reload).toHaveBeenCalledTimes(1);
    dog.stop();
  });
});
