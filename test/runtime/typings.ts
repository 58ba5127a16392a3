/// <reference types="miniprogram-api-typings" />
// Type test, checked by `tsc --noEmit` (not run by AVA): the runtime's types are compatible with the
// official typings of wx.request.
import { request, type RequestOption, type RequestTask } from '../../runtime/index.js';

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
