/// <reference types="miniprogram-api-typings" />
// Type test, checked by `tsc --noEmit` (not run by AVA): the runtime's types are compatible with the
// official typings of wx.request.
import { request, type FailResult, type HeadersReceivedResult, type RequestOption, type RequestProfile, type RequestTask, type SuccessResult } from '../../runtime/index.js';

declare const official: WechatMiniprogram.RequestOption;
declare const officialTyped: WechatMiniprogram.RequestOption<{ id: number }>;

// A WechatMiniprogram.RequestOption is accepted by request…
const task = request(official);
request(officialTyped);
// …and our task satisfies WechatMiniprogram.RequestTask.
const asOfficial: WechatMiniprogram.RequestTask = task;
const fromOfficialCall: WechatMiniprogram.RequestTask = request({
  url: 'https://api.example.com/x',
  method: 'POST',
  data: { a: 1 },
  success(res: WechatMiniprogram.RequestSuccessCallbackResult) {
    void res.statusCode;
  },
  fail(err: WechatMiniprogram.RequestFailCallbackErr) {
    void err.errno;
  },
  complete(res: WechatMiniprogram.GeneralCallbackResult) {
    void res.errMsg;
  },
});
asOfficial.onHeadersReceived((res) => void res.header['Content-Type']);
fromOfficialCall.onChunkReceived((res) => void res.data.byteLength);

// Our own option type takes the same object literal as wx.request.
const ours: RequestOption<{ id: number }> = {
  url: 'https://api.example.com/x',
  success: (res) => void res.data.id,
};
const ourTask: RequestTask = request(ours);
void ourTask;

// request never returns a Promise.
// @ts-expect-error a RequestTask has no then()
void request(official).then;

// The result, failure and task types are assignable both ways with the official ones, so ported
// code that annotates its callbacks with the official types compiles, and so does code that hands
// our results to functions typed with them.
declare function expectType<T>(value: T): void;
request({
  url: 'https://api.example.com/x',
  success(res) {
    expectType<WechatMiniprogram.RequestSuccessCallbackResult>(res);
    expectType<number>(res.profile.responseEnd);
    expectType<boolean>(res.useHttpDNS);
    expectType<number>(res.exception.retryCount);
  },
  fail(err) {
    expectType<WechatMiniprogram.RequestFailCallbackErr>(err);
    expectType<WechatMiniprogram.GeneralCallbackResult>(err);
  },
  complete(res) {
    expectType<WechatMiniprogram.GeneralCallbackResult>(res);
  },
});
declare const officialSuccess: WechatMiniprogram.RequestSuccessCallbackResult;
declare const officialFail: WechatMiniprogram.RequestFailCallbackErr;
declare const officialProfile: WechatMiniprogram.RequestProfile;
declare const officialTask: WechatMiniprogram.RequestTask;
const oursFromOfficial: SuccessResult = officialSuccess;
const failFromOfficial: FailResult = officialFail;
const profileFromOfficial: RequestProfile = officialProfile;
const taskFromOfficial: RequestTask = officialTask;
declare const oursSuccess: SuccessResult;
declare const oursFail: FailResult;
declare const oursProfile: RequestProfile;
const officialFromOurs: WechatMiniprogram.RequestSuccessCallbackResult = oursSuccess;
const officialFailFromOurs: WechatMiniprogram.RequestFailCallbackErr = oursFail;
const officialProfileFromOurs: WechatMiniprogram.RequestProfile = oursProfile;
const headersFromOfficial: HeadersReceivedResult = {} as WechatMiniprogram.RequestTaskOnHeadersReceivedListenerResult;
const officialHeaders: WechatMiniprogram.RequestTaskOnHeadersReceivedListenerResult = {} as HeadersReceivedResult;
void [oursFromOfficial, failFromOfficial, profileFromOfficial, taskFromOfficial, officialFromOurs, officialFailFromOurs, officialProfileFromOurs, headersFromOfficial, officialHeaders];

// uploadFile and downloadFile: the official options are accepted, and our tasks satisfy the official ones.
import { uploadFile } from '../../runtime/upload-file.js';
import { downloadFile } from '../../runtime/download-file.js';

declare const officialUpload: WechatMiniprogram.UploadFileOption;
declare const officialDownload: WechatMiniprogram.DownloadFileOption;
const uploadTask: WechatMiniprogram.UploadTask = uploadFile(officialUpload);
const downloadTask: WechatMiniprogram.DownloadTask = downloadFile(officialDownload);
uploadTask.onProgressUpdate((res) => void res.totalBytesExpectedToSend);
downloadTask.onProgressUpdate((res) => void res.totalBytesExpectedToWrite);
downloadFile({
  url: 'https://cdn.example.com/a.png',
  success(res: WechatMiniprogram.DownloadFileSuccessCallbackResult) {
    void res.tempFilePath;
  },
});
uploadFile({
  url: 'https://api.example.com/up',
  filePath: 'blob:x',
  name: 'f',
  success(res: WechatMiniprogram.UploadFileSuccessCallbackResult) {
    void res.data;
  },
});
