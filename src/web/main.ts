/** Entry of the tourist's app (and of kiosks: same build, `?kiosk=<profile>`). */
// The viewer's styles by concern, in cascade order.
import './app/styles.css';
import './app/styles-narration.css';
import './app/styles-panels.css';
import './app/styles-kiosk.css';
import './app/styles-share-offline.css';
import './app/styles-kiosk-staff.css';
import { App } from './app/app.ts';
import { FirstView } from './app/first-view.ts';
import { kioskProfile } from './kiosk/profile.ts';

// Dev server only: a tour.json changed (vite-plugin-tours.ts); the build drops this line.
import.meta.hot?.on('heritage:tour-changed', () => location.reload());

// Before the app reads the address: a scene page puts it back to the app's (first-view.ts).
const fromScenePage = FirstView.take();
const root = document.getElementById('app');
const profile = kioskProfile(location.search);
// A kiosk has its own attract screen; the app's screens replace the poster themselves.
if (profile) fromScenePage?.remove();
else if (root) {
  (fromScenePage ?? FirstView.fromTemplate())?.follow(root);
  FirstView.followTourLinks(root);
}
if (root && profile) {
  // Kiosk code is loaded only on kiosks.
  void import('./app/kiosk-mode.ts').then(({ startKioskMode }) => startKioskMode(root, profile));
} else if (root) {
  void App.start(root).then((app) => {
    // Offline support and app updates load after the first paint.
    void import('./offline/phone-offline.ts').then(({ startPhoneOffline }) =>
      startPhoneOffline({
        currentTourId: () => app.tourPage.currentTourId,
        translate: (key) => app.translator.t(key),
        notify: (text) => app.tourPage.notify(text),
      }),
    );
  });
}
