import type { BodyReader } from './types.js';

/**
 * Reads the whole body (at once when the reader can and no chunks are wanted), handing each chunk (a copy, as an ArrayBuffer) to `onChunk`. Returns
 * undefined as soon as `stopped()` says the request is over (aborted or timed out).
 */
export async function readBody(body: BodyReader | null, onChunk: ((chunk: ArrayBuffer) => void) | undefined, stopped: () => boolean): Promise<ArrayBuffer | undefined> {
  let whole: ArrayBuffer;
  if (!onChunk && body?.all) {
    whole = await body.all();
  } else {
    const parts: BlobPart[] = [];
    for (let read; body && !(read = await body.read()).done && !stopped(); ) {
      const chunk = read.value;
      if (chunk?.length) {
        parts.push(chunk as BlobPart);
        onChunk?.(chunk.slice().buffer);
      }
    }
    // A Blob joins the chunks (fewer bytes on the page than copying them into one array by hand).
    whole = await new Blob(parts).arrayBuffer();
  }
  return stopped() ? undefined : whole;
}

let decoder: TextDecoder | undefined;

/**
 * `data` of the result: an ArrayBuffer for responseType arraybuffer; else the UTF-8 text (the
 * decoder removes a leading BOM), parsed once with JSON.parse when dataType is json: invalid JSON
 * gives the text itself, an empty body ''.
 */
export function decodeBody(bytes: ArrayBuffer, responseType: unknown, dataType: unknown): unknown {
  if (responseType == 'arraybuffer') return bytes;
  const text = (decoder ??= new TextDecoder()).decode(bytes);
  try {
    if (dataType == 'json' && text) return JSON.parse(text);
  } catch {}
  return text;
}
