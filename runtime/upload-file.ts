// babel-plugin-wx-request/runtime/upload-file: wx.uploadFile for the web. A file that references
// wx.uploadFile imports `useUploadFile` from here and calls it once (the plugin's rewrite), so the
// runtime's `wx` has uploadFile, and only a page that uploads bundles this.
import { filePathOf, readFile, revokeTempFilePath } from './file-store.js';
import type { UploadFileOption, UploadFileSuccessResult, UploadProgress, UploadTask } from './file-types.js';
import { wx } from './holder.js';
import { FileQueue } from './file-queue.js';
import { sendForm } from './transport/upload.js';
import { Transfer } from './transfer.js';

const uploads = new FileQueue();

/** A form value as text: strings as they are, other values as JSON (an object would be "[object Object]"). */
const text = (value: unknown) => (typeof value == 'string' ? value : JSON.stringify(value));

class Upload extends Transfer<UploadProgress, Omit<UploadFileSuccessResult, 'errMsg' | 'profile'>> {
  async run(signal: AbortSignal) {
    const options = this.o as UploadFileOption;
    let file: Blob;
    try {
      file = await readFile(options.filePath);
    } catch (error: any) {
      throw new Error(`file not found: ${options.filePath} (${error?.message ?? error})`);
    }
    const form = new FormData();
    for (const [name, value] of Object.entries(options.formData ?? {})) if (value != null) form.append(name, text(value));
    // The file's name, as the server sees it: the path's last part (a blob: URL's id).
    form.append(String(options.name), file, String(options.filePath).split(/[/\\]/).pop() || 'file');
    return sendForm(this.url, this.headers, form, file.size, signal, this);
  }
}

/** wx.uploadFile for the web: a multipart/form-data POST of the file under `name` and every `formData` field. */
export function uploadFile(options: UploadFileOption): UploadTask {
  return new Upload('uploadFile', options ?? {}, uploads);
}

/** Puts uploadFile on the runtime's shared `wx` (the rewrite calls it once per file that references it). */
export function useUploadFile(): void {
  wx.uploadFile = uploadFile;
}

export { filePathOf, revokeTempFilePath };
export type { UploadFileOption, UploadFileSuccessResult, UploadProgress, UploadTask } from './file-types.js';
