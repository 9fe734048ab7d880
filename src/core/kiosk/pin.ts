/**
 * The staff PIN of a kiosk, kept in its public profile only as a salted PBKDF2-SHA-256 hash:
 * `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>`. Pure (WebCrypto is in browsers
 * and Node alike), so `tour kiosk-pin` and the kiosk share one definition of the format.
 */
export const PIN_HASH_PATTERN =
  /^pbkdf2-sha256\$(\d{1,7})\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/;

/** Enough to make guessing costly on a cheap kiosk PC without a noticeable wait (~0.1 s). */
export const DEFAULT_PIN_ITERATIONS = 100_000;

/** Digits only, so it can be typed on the on-screen keypad; at least 4. */
export const PIN_PATTERN = /^\d{4,12}$/;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(
  pin: string,
  iterations = DEFAULT_PIN_ITERATIONS,
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): Promise<string> {
  const hash = await derive(pin, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Whether `pin` matches `stored`; false for a malformed hash (never throws). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const match = PIN_HASH_PATTERN.exec(stored);
  if (!match) return false;
  const iterations = Number(match[1]);
  if (iterations < 1) return false;
  const expected = fromBase64(match[3]!);
  const actual = await derive(pin, fromBase64(match[2]!), iterations);
  // Compare every byte, so the time taken says nothing about where a guess went wrong.
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ (expected[i] ?? 0);
  return difference === 0;
}
