import { config } from '../config.js';
import { responseHeader } from '../header.js';
import type { UploadProgress } from '../file-types.js';
import type { HeadersReceivedResult } from '../types.js';

/** What the upload transport tells the task as it goes. */
export interface UploadEvents {
  progress(value: UploadProgress): void;
  headersReceived(value: HeadersReceivedResult): void;
}

const progressOf = (sent: number, total: number): UploadProgress => ({ progress: total ? Math.floor((sent * 100) / total) : 0, totalBytesSent: sent, totalBytesExpectedToSend: total });

/** The headers to set: the multipart content-type, with its boundary, is the platform's to write. */
const withoutContentType = (headers: Record<string, string>) => Object.entries(headers).filter(([name]) => name != 'content-type');

/**
 * Sends a multipart form and resolves the response's body text and status. In browsers through
 * XMLHttpRequest, whose `upload.onprogress` reports the bytes sent as they go (fetch has no upload
 * progress); where there is none (Node), through fetch, with one progress event, at 100, once the
 * response arrived (the bytes counted are the file's). request's transport stays fetch, untouched.
 */
export function sendForm(url: string, headers: Record<string, string>, form: FormData, size: number, signal: AbortSignal, events: UploadEvents): Promise<{ data: string; statusCode: number }> {
  if (typeof XMLHttpRequest != 'function') return sendWithFetch(url, headers, form, size, signal, events);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of withoutContentType(headers)) xhr.setRequestHeader(name, value);
    xhr.withCredentials = config.credentials == 'include';
    xhr.upload.onprogress = (event) => events.progress(progressOf(event.loaded, event.lengthComputable ? event.total : 0));
    xhr.onreadystatechange = () => {
      if (xhr.readyState != 2) return;
      const pairs = xhr
        .getAllResponseHeaders()
        .split('\r\n')
        .filter(Boolean)
        .map((line): [string, string] => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
      events.headersReceived({ header: responseHeader(pairs), statusCode: xhr.status, cookies: [] });
    };
    xhr.onload = () => resolve({ data: xhr.responseText, statusCode: xhr.status });
    // A browser says no more of a network failure (a CORS refusal included) than this.
    xhr.onerror = () => reject(new Error('network error (or CORS: see the console)'));
    signal.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

async function sendWithFetch(url: string, headers: Record<string, string>, form: FormData, size: number, signal: AbortSignal, events: UploadEvents): Promise<{ data: string; statusCode: number }> {
  const response = await fetch(url, { method: 'POST', headers: withoutContentType(headers), body: form, signal, credentials: config.credentials });
  events.headersReceived({ header: responseHeader(response.headers), statusCode: response.status, cookies: response.headers.getSetCookie?.() ?? [] });
  const data = await response.text();
  // An empty file is sent whole too: 100.
  events.progress(size ? progressOf(size, size) : { progress: 100, totalBytesSent: 0, totalBytesExpectedToSend: 0 });
  return { data, statusCode: response.status };
}
