// The one bridge between the dashboard and the main process, exposed as `window.bridge`: invoke a
// named AppApi method, and receive pushes. Nothing else of Electron or Node reaches the page.
// CommonJS and self-contained because a sandboxed preload cannot load ES modules or our files.
import electron = require('electron');

const INVOKE_CHANNEL = 'farmhook:invoke';
const PUSH_CHANNEL = 'farmhook:push';

type Listener = (push: unknown) => void;

electron.contextBridge.exposeInMainWorld('bridge', {
  invoke: (method: string, args: unknown[]) => electron.ipcRenderer.invoke(INVOKE_CHANNEL, String(method), Array.isArray(args) ? args : []),
  onPush(listener: Listener): () => void {
    const handler = (_event: unknown, push: unknown) => listener(push);
    electron.ipcRenderer.on(PUSH_CHANNEL, handler);
    return () => {
      electron.ipcRenderer.removeListener(PUSH_CHANNEL, handler);
    };
  },
});
