// A look at a zip's central directory BEFORE anything is inflated: an .xlsx is a zip, and a hostile
// one (a zip bomb) declares gigabytes of XML in a few kilobytes. Only sizes are read here; the
// spreadsheet library inflates the file afterwards, once the sizes are known to be sane.

export interface ZipLimits {
  /** total uncompressed bytes of all entries */
  maxTotalBytes: number;
  /** uncompressed bytes of any one entry */
  maxEntryBytes: number;
  /** uncompressed ÷ compressed for entries bigger than 1 MB */
  maxRatio: number;
  maxEntries: number;
}

/** Generous for the portal's export (20,000 rows ≈ 15 MB of sheet XML), far below what hurts a tab. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 150 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 500,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipCheck =
  | { ok: true; entries: ZipEntry[]; totalBytes: number }
  | { ok: false; reason: 'not-zip' | 'damaged' | 'too-big' | 'bomb' | 'encrypted'; detail: string };

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;

/** True when the bytes start like a zip (local file header "PK\3\4"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the central directory's sizes and judges them against `limits`. Never inflates. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  if (!looksLikeZip(bytes)) return { ok: false, reason: 'not-zip', detail: 'no zip signature' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record sits in the last 65,557 bytes (22 + a comment up to 65,535)
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'damaged', detail: 'no end of central directory' };
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_EOCD_LOCATOR) {
    // zip64: entries or sizes beyond 4 GB — never a spreadsheet export
    return { ok: false, reason: 'too-big', detail: 'zip64 archive' };
  }
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count > limits.maxEntries) return { ok: false, reason: 'too-big', detail: `${count} entries` };
  if (cdOffset + cdSize > eocd) return { ok: false, reason: 'damaged', detail: 'central directory out of bounds' };
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CDH) return { ok: false, reason: 'damaged', detail: `entry ${n}` };
    const flags = view.getUint16(p + 8, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) return { ok: false, reason: 'encrypted', detail: name };
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return { ok: false, reason: 'too-big', detail: name };
    if (uncompressedSize > limits.maxEntryBytes) return { ok: false, reason: 'too-big', detail: `${name}: ${uncompressedSize} bytes` };
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > limits.maxRatio * Math.max(1, compressedSize)) {
      return { ok: false, reason: 'bomb', detail: `${name}: ${uncompressedSize} bytes from ${compressedSize}` };
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) return { ok: false, reason: 'too-big', detail: `${total} bytes in all` };
    entries.push({ name, compressedSize, uncompressedSize });
  }
  return { ok: true, entries, totalBytes: total };
}
