import type { BodyReader } from './types.js';

/**
 * Reads the whole body, handing each chunk (a copy, as an ArrayBuffer) to `onChunk`. Returns
 * undefined as soon as `stopped()` says the request is over (aborted or timed out).
 */
export async function readBody(
  body: BodyReader | null,
  onChunk: ((chunk: ArrayBuffer) => void) | undefined,
  stopped: () => boolean,
): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (body) {
    const { done, value } = await body.read();
    if (stopped()) return undefined;
    if (done) break;
    if (value?.length) {
      parts.push(value);
      length += value.length;
      onChunk?.(value.slice().buffer);
    }
  }
  const bytes = new Uint8Array(length);
  length = 0;
  for (const part of parts) {
    bytes.set(part, length);
    length += part.length;
  }
  return bytes;
}

/**
 * `data` of the result: an ArrayBuffer for responseType arraybuffer; else the UTF-8 text (a
 * leading BOM removed), parsed once with JSON.parse when dataType is json: invalid JSON gives the
 * text itself, an empty body ''.
 */
export function decodeBody(bytes: Uint8Array, responseType: unknown, dataType: unknown): unknown {
  if (responseType == 'arraybuffer') return bytes.buffer;
  const text = new TextDecoder().decode(bytes);
  if (dataType != 'json' || !text) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
