/**
 * A tiny zip writer for the zip tests: it writes what ordinary tools refuse to — duplicate
 * names, "../" names, symlink entries, sizes that lie — so that the unpacker can be shown to
 * refuse them. (No Zip64, no data descriptors: the tests need neither.)
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string | Buffer;
  /** The entry's bytes (deflated unless `method` is 0, or given already deflated). */
  data?: Buffer;
  /** Already-deflated bytes and the size they claim to unpack to. */
  deflated?: { bytes: Buffer; size: number };
  method?: number;
  /** Unix mode, e.g. 0o120777 for a symlink (written as made on Unix). */
  mode?: number;
  /** Extra general-purpose bits (bit 0: encrypted). UTF-8 (bit 11) is set for string names. */
  flags?: number;
  /** What the headers say the unpacked size is (a lie, when it is not the truth). */
  declaredSize?: number;
  /** Points this entry at the data of an earlier one (an overlapping-entries bomb). */
  sameDataAs?: number;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  const described: { method: number; crc: number; csize: number; size: number }[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const flags = (entry.flags ?? 0) | (typeof entry.name === 'string' ? 0x800 : 0);
    let method = entry.method ?? 8;
    let body: Buffer;
    let size: number;
    let crc: number;
    if (entry.deflated) {
      method = 8;
      body = entry.deflated.bytes;
      size = entry.deflated.size;
      crc = 0; // yauzl does not check CRCs; the tests never need a true one here
    } else {
      const data = entry.data ?? Buffer.alloc(0);
      body = method === 0 ? data : deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    }
    size = entry.declaredSize ?? size;
    const localHeader = () => [
      u32(0x04034b50),
      u16(20),
      u16(flags),
      u16(method),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(body.length),
      u32(size),
      u16(name.length),
      u16(0),
    ];
    const shared = entry.sameDataAs;
    if (shared === undefined) {
      offsets.push(offset);
      const local = Buffer.concat([...localHeader(), name, body]);
      locals.push(local);
      offset += local.length;
      described.push({ method, crc, csize: body.length, size });
    } else {
      offsets.push(offsets[shared]!);
      described.push({
        ...described[shared]!,
        size: entry.declaredSize ?? described[shared]!.size,
      });
    }
    const d = described[index]!;
    const central = Buffer.concat([
      u32(0x02014b50),
      u16(entry.mode === undefined ? 20 : (3 << 8) | 20),
      u16(20),
      u16(flags),
      u16(d.method),
      u16(0),
      u16(0x21),
      u32(d.crc),
      u32(d.csize),
      u32(d.size),
      u16(name.length),
      u16(0), // extra
      u16(0), // comment
      u16(0), // disk
      u16(0), // internal attributes
      u32(((entry.mode ?? 0) << 16) >>> 0),
      u32(offsets[index]!),
      name,
    ]);
    centrals.push(central);
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Deflated zeros, `mib` MiB of them, in about 1 KB per MiB: one MiB deflated with a sync flush
 * (its blocks are not final and end on a byte), repeated, then an empty final block. Valid
 * deflate data: each copy refers only to zeros before it.
 */
export function deflatedZeros(mib: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  return Buffer.concat([...Array.from({ length: mib }, () => chunk), Buffer.from([0x03, 0x00])]);
}
