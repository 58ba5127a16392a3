// Imported first by main.js, so the shim exists before the sample's modules run.
import { installMiniProgramShim } from './mini-program-shim.js';

export const toasts = [];
installMiniProgramShim({
  onSetData: () => {},
  onToast: (title) => toasts.push(title),
});
