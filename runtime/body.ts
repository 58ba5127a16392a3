import type { BodyReader } from './types.js';

/**
 * Reads the whole body (at once when the reader can and no chunks are wanted), handing each chunk (a copy, as an ArrayBuffer) to `onChunk`. Returns
 * undefined as soon as `stopped()` says the request is over (aborted or timed out).
 */
export async function readBody(body: BodyReader | null, onChunk: ((chunk: ArrayBuffer) => void) | undefined, stopped: () => boolean): Promise<Uint8Array | undefined> {
  if (!onChunk && body?.all) {
    const whole = new Uint8Array(await body.all());
    return stopped() ? undefined : whole;
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let read; body && !(read = await body.read()).done && !stopped(); ) {
    const chunk = read.value;
    if (chunk?.length) {
      parts.push(chunk);
      length += chunk.length;
      onChunk?.(chunk.slice().buffer);
    }
  }
  if (stopped()) return;
  const bytes = new Uint8Array(length);
  length = 0;
  for (const part of parts) bytes.set(part, (length += part.length) - part.length);
  return bytes;
}

let decoder: TextDecoder | undefined;

/**
 * `data` of the result: an ArrayBuffer for responseType arraybuffer; else the UTF-8 text (the
 * decoder removes a leading BOM), parsed once with JSON.parse when dataType is json: invalid JSON
 * gives the text itself, an empty body ''.
 */
export function decodeBody(bytes: Uint8Array, responseType: unknown, dataType: unknown): unknown {
  if (responseType == 'arraybuffer') return bytes.buffer;
  const text = (decoder ??= new TextDecoder()).decode(bytes);
  try {
    if (dataType == 'json' && text) return JSON.parse(text);
  } catch {}
  return text;
}
