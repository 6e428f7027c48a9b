/**
 * Reads a zip's central directory and extracts it, in plain Node (no `unzip` binary needed).
 * Handles what `zapier-platform build` writes: stored (0) and deflated (8) entries, no zip64.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Every entry of the central directory: name, method, sizes, and where its local header starts. */
const zipEntries = (buf) => {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error(`bad central directory entry ${n}`);
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const size = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const externalAttributes = buf.readUInt32LE(offset + 38);
    const localOffset = buf.readUInt32LE(offset + 42);
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    // Made on Unix: the high 16 bits are st_mode. The CLI stores workspace links as symlinks.
    const unixMode = buf.readUInt8(offset + 5) === 3 ? externalAttributes >>> 16 : 0;
    const symlink = (unixMode & 0o170000) === 0o120000;
    entries.push({ name, method, compressedSize, size, localOffset, symlink });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
};

/**
 * Extracts every entry of `zipFile` under `dest`, symlinks as symlinks (as `unzip` and Lambda do:
 * the root index.js and the workspace packages under node_modules/ are links). Returns the number
 * of entries written.
 */
const extractZip = (zipFile, dest) => {
  const buf = fs.readFileSync(zipFile);
  let files = 0;
  for (const e of zipEntries(buf)) {
    const target = path.resolve(dest, e.name);
    if (!target.startsWith(path.resolve(dest) + path.sep)) throw new Error(`unsafe path in zip: ${e.name}`);
    if (e.name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    if (buf.readUInt32LE(e.localOffset) !== LOCAL_SIGNATURE) throw new Error(`bad local header: ${e.name}`);
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    let data;
    if (e.method === 0) data = raw;
    else if (e.method === 8) data = zlib.inflateRawSync(raw);
    else throw new Error(`unsupported compression method ${e.method}: ${e.name}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (e.symlink) fs.symlinkSync(data.toString('utf8'), target);
    else fs.writeFileSync(target, data);
    files++;
  }
  return files;
};

module.exports = { zipEntries, extractZip };
