/**
 * Whether this page is a kiosk: the start address `…/?kiosk=<profile>` (`?kiosk` alone means
 * `default`). Tiny on purpose: the tourist's entry imports it, the rest of kiosk code is lazy.
 */
const PROFILE = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export function kioskProfile(search: string): string | null {
  const params = new URLSearchParams(search);
  if (!params.has('kiosk')) return null;
  const profile = params.get('kiosk') || 'default';
  return PROFILE.test(profile) ? profile : 'default';
}
