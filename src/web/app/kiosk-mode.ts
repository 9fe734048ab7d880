/**
 * Kiosk mode: the same app, configured by `kiosk/<profile>.json`, locked down, returning to
 * an attract loop when visitors leave, and recovering by itself from crashes.
 */
import { formatDeepLink } from '../../core/links/deep-link.ts';
import { textOf } from '../../core/manifest/text.ts';
import { AttractScreen } from '../kiosk/attract-screen.ts';
import { describeKioskProblems, type KioskConfig, loadKioskConfig } from '../kiosk/config.ts';
import { IdleTimer } from '../kiosk/idle-timer.ts';
import { lockDown } from '../kiosk/lockdown.ts';
import { kioskStaffData } from '../kiosk/staff-data.ts';
import { onStaffGesture } from '../kiosk/staff-gesture.ts';
import { StaffScreen } from '../kiosk/staff-screen.ts';
import { Watchdog } from '../kiosk/watchdog.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { type KioskOffline, prepareKioskOffline } from '../offline/kiosk-offline.ts';
import { App } from './app.ts';
import { loadTour } from './tour-source.ts';

const CONFIG_RETRY_MS = 30_000;

export async function startKioskMode(root: HTMLElement, profile: string): Promise<void> {
  const result = await loadKioskConfig(profile);
  if (!result.ok) {
    // A misconfigured kiosk says why on its screen, and tries again by itself.
    replaceChildren(
      root,
      h(
        'p',
        { class: 'message message--error kiosk-config-error', role: 'alert' },
        describeKioskProblems(result.problems),
      ),
    );
    setTimeout(() => location.reload(), CONFIG_RETRY_MS);
    return;
  }
  lockDown();
  // Months unattended: ask the browser not to evict the saved tours under storage pressure
  // (Chromium grants it to an installed or much-used site; the staff screen shows the answer).
  void navigator.storage?.persist?.().catch(() => false);
  const offline = await prepareKioskOffline(profile, result.value.tours, result.value.languages);
  const session = await KioskSession.create(root, result.value, offline);
  session.enterAttract();
}

class KioskSession {
  private readonly app: App;
  private readonly config: KioskConfig;
  private readonly attract: AttractScreen;
  private readonly idle: IdleTimer;
  private sceneTimer: ReturnType<typeof setInterval> | undefined;

  private offline: KioskOffline | undefined;
  private staff: StaffScreen | undefined;

  private constructor(app: App, config: KioskConfig, attract: AttractScreen) {
    this.app = app;
    this.config = config;
    this.attract = attract;
    this.idle = new IdleTimer(config.idleSeconds * 1000, () => this.enterAttract());
  }

  static async create(
    root: HTMLElement,
    config: KioskConfig,
    offline?: KioskOffline,
  ): Promise<KioskSession> {
    const home = config.tours[0]!;
    history.replaceState(null, '', formatDeepLink({ tour: home, lang: config.languages[0] }));
    const app = await App.start(root, {
      kiosk: true,
      page: {
        hideExternalLinks: true,
        share: config.shareToPhone,
        autoplayNarration: config.autoplayNarration,
        captionsOn: true,
      },
    });
    const tour = await loadTour(home);
    const t = app.translator;
    const attract = new AttractScreen(
      config.languages,
      config.attract.languageSeconds,
      {
        title: (lang) =>
          tour.ok ? textOf(tour.value.title, lang, tour.value.defaultLanguage) : '',
        touch: (lang) => t.t('kiosk.touchToStart', { lng: lang }),
      },
      () => void session.leaveAttract(),
    );
    root.querySelector('.tour-page')?.appendChild(attract.element);
    // The saved copy's state, as a small mark staff can read and visitors can ignore.
    if (offline) attract.element.append(offline.mark);
    const session = new KioskSession(app, config, attract);
    session.offline = offline;
    if (config.watchdog) new Watchdog().start();
    if (config.staffPin && offline)
      session.staff = staffScreen(config.staffPin, config, t, offline);
    return session;
  }

  /** Back to the start: everything reset, the panorama turning, "touch to start". */
  async enterAttract(): Promise<void> {
    this.idle.stop();
    this.staff?.close();
    const page = this.app.tourPage;
    page.quiet = true;
    await this.app.resetVisit(this.config.tours[0]!, this.config.languages[0]!);
    this.attract.show();
    page.autorotate(true);
    clearInterval(this.sceneTimer);
    this.sceneTimer = setInterval(() => {
      const next = page.nextSceneId();
      if (next) this.app.showScene(next);
    }, this.config.attract.sceneSeconds * 1000);
    // Reset first, update after: the attract screen is up before any network. Updates
    // download behind it and are swapped in only while it is still up (nobody using the
    // kiosk); a touch meanwhile makes the swap wait for the next idle reset.
    this.offline?.refresh(() => this.attract.isShown);
  }

  private async leaveAttract(): Promise<void> {
    clearInterval(this.sceneTimer);
    this.attract.hide();
    const page = this.app.tourPage;
    page.autorotate(false);
    page.quiet = false;
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    await this.app.resetVisit(this.config.tours[0]!, this.config.languages[0]!);
    this.idle.start();
  }
}

/** The staff screen, opened by the staff gesture and the PIN (README, "Kiosk mode"). */
function staffScreen(
  pinHash: string,
  config: KioskConfig,
  t: App['translator'],
  offline: KioskOffline,
): StaffScreen {
  const staff = new StaffScreen({
    pinHash,
    languages: config.languages,
    idleMs: config.idleSeconds * 1000,
    t,
    data: kioskStaffData(offline),
  });
  document.body.append(staff.element);
  onStaffGesture(() => staff.open());
  return staff;
}
