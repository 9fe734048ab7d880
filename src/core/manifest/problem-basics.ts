/**
 * The parts every problem is made of, in a module of their own so that the message texts and
 * the catalogue of codes can use them without importing the problem builder (no cycle).
 */

export type Severity = 'error' | 'warning';

/** Path from the manifest root, e.g. ['scenes', 1, 'hotspots', 0, 'target']. */
export type JsonPath = ReadonlyArray<string | number>;

export interface LocalizedMessage {
  vi: string;
  en: string;
}
