// The little of the mini-program framework that the sample needs on the web: App, Page, getApp,
// and the wx APIs it uses besides request. There is deliberately no wx.request here: every call
// must have been rewritten to the runtime.
const pages = [];
let app;

export function registeredPages() {
  return pages;
}

export function installMiniProgramShim({ onSetData, onToast }) {
  globalThis.wx = {
    getStorageSync: (key) => localStorage.getItem(key) ?? '',
    setStorageSync: (key, value) => localStorage.setItem(key, value),
    showToast: ({ title }) => onToast(title),
  };
  globalThis.App = (definition) => {
    app = definition;
    definition.onLaunch?.call(definition);
  };
  globalThis.getApp = () => app;
  globalThis.Page = (definition) => {
    const page = Object.assign(Object.create(definition), {
      data: { ...definition.data },
      setData(patch) {
        Object.assign(this.data, patch);
        onSetData(page, patch);
      },
    });
    pages.push(page);
  };
}
