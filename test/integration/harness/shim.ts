// The mini-program framework in Node, as demo/page/mini-program-shim.js plays it in the browser:
// App, Page, getApp and the wx APIs the sample uses besides request. There is deliberately no
// wx.request: every call must have been rewritten to the runtime by the build under test, or the
// page throws "wx.request is not a function".

/** A registered page: its definition's methods, `data`, and a `setData` that patches `data`. */
export interface SamplePage {
  data: Record<string, unknown>;
  setData(patch: Record<string, unknown>): void;
  [method: string]: unknown;
}

export interface SampleApp {
  globalData: { baseUrl: string; token: string };
}

export interface Shim {
  /** Pages in the order the built code registered them. */
  pages: SamplePage[];
  toasts: string[];
  storage: Map<string, string>;
  app(): SampleApp;
  /** Removes the globals again. */
  uninstall(): void;
}

const GLOBALS = ['wx', 'App', 'Page', 'getApp'] as const;

export function installShim(): Shim {
  const pages: SamplePage[] = [];
  const toasts: string[] = [];
  const storage = new Map<string, string>();
  let app: SampleApp | undefined;
  const scope = globalThis as Record<string, unknown>;
  for (const name of GLOBALS) {
    if (name in scope) throw new Error(`the mini-program shim is already installed (global ${name} exists)`);
  }
  scope['wx'] = {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, String(value)),
    showToast: ({ title }: { title: string }) => void toasts.push(title),
  };
  scope['App'] = (definition: SampleApp & { onLaunch?: () => void }) => {
    app = definition;
    definition.onLaunch?.call(definition);
  };
  scope['getApp'] = () => app;
  scope['Page'] = (definition: Record<string, unknown> & { data?: Record<string, unknown> }) => {
    const page = Object.assign(Object.create(definition) as SamplePage, {
      data: { ...definition.data },
      setData(this: SamplePage, patch: Record<string, unknown>) {
        Object.assign(this.data, patch);
      },
    });
    pages.push(page);
  };
  return {
    pages,
    toasts,
    storage,
    app() {
      if (!app) throw new Error('the built sample did not call App()');
      return app;
    },
    uninstall() {
      for (const name of GLOBALS) delete scope[name];
    },
  };
}
