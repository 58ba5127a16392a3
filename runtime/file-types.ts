/**
 * Public types of wx.uploadFile and wx.downloadFile for the web (SPEC.md), assignable to and from
 * the official typings' `UploadFileOption`, `UploadTask`, `DownloadFileOption`, `DownloadTask`
 * (test/runtime/typings.ts).
 */
import type { AnyObject, HeadersReceivedListener, RequestException, RequestProfile } from './types.js';

export interface FileFailResult {
  errMsg: string;
  errno: number;
}

export interface UploadFileSuccessResult {
  /** The response body as text (never parsed). */
  data: string;
  statusCode: number;
  errMsg: string;
  /** As request's res.profile: filled from the transfer's Resource Timing entry where the platform keeps one. */
  profile: RequestProfile;
  exception?: RequestException;
  useHttpDNS?: boolean;
}

export interface DownloadFileSuccessResult {
  /** A `blob:` URL of the body, kept by the runtime until revokeTempFilePath() (usable as an image's src). */
  tempFilePath: string;
  /**
   * The `filePath` option, when one was given: the same body under that name (for uploadFile). As on
   * WeChat it is there only then; the official typings declare it always, so it is typed so too.
   */
  filePath: string;
  statusCode: number;
  errMsg: string;
  /** As request's res.profile: filled from the transfer's Resource Timing entry where the platform keeps one. */
  profile: RequestProfile;
  exception?: RequestException;
  useHttpDNS?: boolean;
}

export interface UploadFileOption {
  url: string;
  /** A `blob:`, `data:` or http(s) URL the page can read, a downloadFile tempFilePath, or filePathOf(file). */
  filePath: string;
  /** The form field the file goes under. */
  name: string;
  header?: AnyObject;
  /** Text fields sent with the file. */
  formData?: AnyObject;
  timeout?: number;
  enableHttp2?: boolean;
  enableProfile?: boolean;
  enableQuic?: boolean;
  useHighPerformanceMode?: boolean;
  success?: (result: UploadFileSuccessResult) => void;
  fail?: (result: FileFailResult) => void;
  complete?: (result: UploadFileSuccessResult | FileFailResult) => void;
}

export interface DownloadFileOption {
  url: string;
  header?: AnyObject;
  timeout?: number;
  /** A name to keep the body under as well (the web has no user file system to write to). */
  filePath?: string;
  enableHttp2?: boolean;
  enableProfile?: boolean;
  enableQuic?: boolean;
  useHighPerformanceMode?: boolean;
  success?: (result: DownloadFileSuccessResult) => void;
  fail?: (result: FileFailResult) => void;
  complete?: (result: DownloadFileSuccessResult | FileFailResult) => void;
}

export interface UploadProgress {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}

export interface DownloadProgress {
  progress: number;
  totalBytesWritten: number;
  totalBytesExpectedToWrite: number;
}

interface FileTask<P> {
  abort(): void;
  onProgressUpdate(listener: (progress: P) => void): void;
  offProgressUpdate(listener?: (progress: P) => void): void;
  onHeadersReceived(listener: HeadersReceivedListener): void;
  offHeadersReceived(listener?: HeadersReceivedListener): void;
}

export type UploadTask = FileTask<UploadProgress>;
export type DownloadTask = FileTask<DownloadProgress>;
