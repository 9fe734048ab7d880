/**
 * Entry of the tourist's app (and of kiosks: same build, `?kiosk=<profile>`). Small on
 * purpose: it puts up a link's poster (first-view.ts) as soon as it runs, then loads the app
 * itself (preloaded by index.html, so that costs no round trip).
 */
// The viewer's styles by concern, in cascade order.
import './app/styles.css';
import './app/styles-narration.css';
import './app/styles-panels.css';
import './app/styles-kiosk.css';
import './app/styles-share-offline.css';
import './app/styles-kiosk-staff.css';
import { FirstView } from './app/first-view.ts';
import { kioskProfile } from './kiosk/profile.ts';

// Dev server only: a tour.json changed (vite-plugin-tours.ts); the build drops this line.
import.meta.hot?.on('heritage:tour-changed', () => location.reload());

// Before the app reads the address: a scene page puts it back to the app's (first-view.ts).
const fromScenePage = FirstView.take();
const root = document.getElementById('app');
const profile = kioskProfile(location.search);
// A kiosk has its own attract screen; the app's screens replace the poster themselves.
const poster = profile ? null : (fromScenePage ?? FirstView.fromTemplate());
if (profile) fromScenePage?.remove();
else if (root) {
  poster?.follow(root);
  FirstView.followTourLinks(root);
}
if (root && profile) {
  // Kiosk code is loaded only on kiosks.
  void import('./app/kiosk-mode.ts').then(({ startKioskMode }) => startKioskMode(root, profile));
} else if (root) {
  // After the poster's first frame: running the app's code would hold that frame back, and
  // the app waits for the viewer's code (still downloading) anyway.
  void (poster?.whenPainted() ?? Promise.resolve())
    .then(() => import('./app/tourist-app.ts'))
    .then(
      ({ startTouristApp }) => startTouristApp(root),
      () => {
        // The app's code did not come (a link lost mid-load, never cached): before any
        // translation is loaded, so in both of the site's first languages, as index.html is.
        poster?.remove();
        const text = document.createElement('p');
        text.textContent =
          'Không tải được trang: hãy kiểm tra kết nối mạng. / The page could not load: check the connection.';
        const retry = document.createElement('button');
        retry.type = 'button';
        retry.className = 'button';
        retry.textContent = 'Thử lại / Try again';
        retry.addEventListener('click', () => location.reload());
        // One block, so the button lines up with the text (the message's own padding).
        const message = document.createElement('div');
        message.className = 'message message--error';
        message.setAttribute('role', 'alert');
        message.append(text, retry);
        root.replaceChildren(message);
      },
    );
}
