/**
 * A minimal CBOR (RFC 8949) decoder: enough for the files Pagefind writes
 * (unsigned and negative integers, text and byte strings, arrays, maps, simple
 * values). Pagefind encodes its structs as arrays, so the result is nested arrays.
 */
export type Cbor = number | string | Uint8Array | boolean | null | undefined | Cbor[] | { [key: string]: Cbor };

export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 0;

  const need = (n: number) => {
    if (at + n > bytes.length) throw new Error(`CBOR: truncated at byte ${at}`);
  };
  /** The argument of an item head; -1 means "indefinite length". */
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 31) return -1;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error(`CBOR: reserved additional info ${info} at byte ${at - 1}`);
    need(size);
    const start = at;
    at += size;
    if (size === 1) return view.getUint8(start);
    if (size === 2) return view.getUint16(start);
    if (size === 4) return view.getUint32(start);
    return Number(view.getBigUint64(start));
  };

  const item = (): Cbor => {
    need(1);
    const head = bytes[at++];
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return argument(info);
      case 1:
        return -1 - argument(info);
      case 2:
      case 3: {
        const length = argument(info);
        if (length < 0) throw new Error(`CBOR: indefinite-length string at byte ${at - 1}`);
        need(length);
        const slice = bytes.subarray(at, at + length);
        at += length;
        return major === 3 ? text.decode(slice) : slice;
      }
      case 4: {
        const length = argument(info);
        const list: Cbor[] = [];
        if (length < 0) {
          while ((need(1), bytes[at]) !== 0xff) list.push(item());
          at++;
        } else for (let i = 0; i < length; i++) list.push(item());
        return list;
      }
      case 5: {
        const length = argument(info);
        const map: Record<string, Cbor> = {};
        for (let i = 0; length < 0 ? (need(1), bytes[at]) !== 0xff : i < length; i++) {
          const key = item();
          if (typeof key !== 'string' && typeof key !== 'number') throw new Error(`CBOR: unsupported map key at ${at}`);
          map[String(key)] = item();
        }
        if (length < 0) at++;
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        throw new Error(`CBOR: unsupported simple value ${info} at byte ${at - 1}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${at - 1}`);
    }
  };

  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return value;
}
