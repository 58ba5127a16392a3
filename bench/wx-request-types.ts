// The wx.request part of the globals.d.ts that both generated code-base shapes write (a tiny
// subset of miniprogram-api-typings); each shape adds the other globals its pages use.
export const WX_REQUEST_TYPES = `type WxMethod = 'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT';
interface WxResponse<T = any> { data: T; statusCode: number; header: Record<string, string>; errMsg: string }
interface WxError { errMsg: string; errno?: number }
interface WxRequestOptions {
  url: string;
  method?: WxMethod;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  success?: (res: WxResponse) => void;
  fail?: (err: WxError) => void;
  complete?: (res: WxResponse | WxError) => void;
}
interface WxRequestTask { abort(): void }
declare const console: { log(...args: unknown[]): void };
declare function setTimeout(fn: () => void, ms?: number): number;
declare function clearTimeout(id: number | undefined): void;
`;
