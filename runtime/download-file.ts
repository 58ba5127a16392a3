// babel-plugin-wx-request/runtime/download-file: wx.downloadFile for the web. A file that
// references wx.downloadFile imports `useDownloadFile` from here and calls it once (the plugin's
// rewrite), so the runtime's `wx` has downloadFile, and only a page that downloads bundles this.
import { config } from './config.js';
import { keepFile, revokeTempFilePath } from './file-store.js';
import type { DownloadFileOption, DownloadFileSuccessResult, DownloadProgress, DownloadTask } from './file-types.js';
import { responseHeader } from './header.js';
import { wx } from './holder.js';
import { FileQueue } from './file-queue.js';
import { Transfer } from './transfer.js';

const downloads = new FileQueue();

class Download extends Transfer<DownloadProgress, Omit<DownloadFileSuccessResult, 'errMsg' | 'profile'>> {
  async run(signal: AbortSignal) {
    const options = this.o as DownloadFileOption;
    const response = await fetch(this.url, { headers: this.headers, signal, credentials: config.credentials });
    this.headersReceived({ header: responseHeader(response.headers), statusCode: response.status, cookies: response.headers.getSetCookie?.() ?? [] });
    // The size announced, when it counts the bytes read (a compressed body's Content-Length does not).
    const encoded = (response.headers.get('content-encoding') ?? 'identity') != 'identity';
    const total = encoded ? 0 : Number(response.headers.get('content-length')) || 0;
    const chunks: Uint8Array[] = [];
    let written = 0;
    let last = -1;
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
      chunks.push(chunk.value);
      written += chunk.value.byteLength;
      // An unknown size (our choice): progress 0 and an expected total of 0 until the body ends.
      last = total ? Math.min(100, Math.floor((written * 100) / total)) : 0;
      this.progress({ progress: last, totalBytesWritten: written, totalBytesExpectedToWrite: total });
    }
    // The last event says 100: for a body of unknown size, or one whose last chunk rounded down.
    if (last != 100) this.progress({ progress: 100, totalBytesWritten: written, totalBytesExpectedToWrite: total || written });
    const body = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' });
    const fields = { tempFilePath: keepFile(body), statusCode: response.status } as Omit<DownloadFileSuccessResult, 'errMsg' | 'profile'>;
    // The web has no file system of the user's to write to: the body is kept under that name too.
    if (options.filePath) fields.filePath = keepFile(body, String(options.filePath));
    return fields;
  }
}

/** wx.downloadFile for the web: a GET whose body becomes a `blob:` URL, `tempFilePath`. */
export function downloadFile(options: DownloadFileOption): DownloadTask {
  return new Download('downloadFile', options ?? {}, downloads);
}

/** Puts downloadFile on the runtime's shared `wx` (the rewrite calls it once per file that references it). */
export function useDownloadFile(): void {
  wx.downloadFile = downloadFile;
}

export { revokeTempFilePath };
export type { DownloadFileOption, DownloadFileSuccessResult, DownloadProgress, DownloadTask } from './file-types.js';
