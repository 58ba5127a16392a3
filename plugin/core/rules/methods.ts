/** The methods WeChat's wx.request accepts, in its documentation's order. */
export const SUPPORTED_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'] as const;
export type SupportedMethod = (typeof SUPPORTED_METHODS)[number];

export function isSupportedMethod(method: string): method is SupportedMethod {
  return (SUPPORTED_METHODS as readonly string[]).includes(method);
}
