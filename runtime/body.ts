import type { BodyReader } from './types.js';

/**
 * Reads the whole body: at once when the reader can and no chunks are wanted, else chunk by chunk,
 * handing each (a copy, as an ArrayBuffer) to `onChunk`, and stopping once `request.d` says the
 * request is over (aborted or timed out).
 */
export async function readBody(body: BodyReader | null, onChunk: ((chunk: ArrayBuffer) => void) | undefined, request: { d: boolean }): Promise<ArrayBuffer> {
  if (!onChunk && body?.all) return body.all();
  const parts: BlobPart[] = [];
  for (let read; body && !(read = await body.read()).done && !request.d; ) {
    const chunk = read.value;
    if (chunk?.length) {
      parts.push(chunk as BlobPart);
      onChunk?.(chunk.slice().buffer);
    }
  }
  // A Blob joins the chunks (fewer bytes on the page than copying them into one array by hand).
  return new Blob(parts).arrayBuffer();
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
