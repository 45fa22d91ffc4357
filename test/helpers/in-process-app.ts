// A real FarmHook core in this process, on free ports with a temp data dir: for receiver and control
// API tests that need real HTTP and a real SQLite file but not a child process.
import { createApp, type AppOptions, type FarmhookApp } from '../../src/app.js';
import { resolveConfig, type ConfigOverrides } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { tempDir } from './temp-dir.js';

export interface RunningApp {
  app: FarmhookApp;
  dataDir: string;
  receiverUrl: string;
  webhookUrl: string;
  controlUrl: string;
  token: string;
  /** fetch against the control API with the token and a loopback Host. */
  api(path: string, init?: RequestInit): Promise<Response>;
  post(body: string | Buffer, headers?: Record<string, string>, path?: string): Promise<Response>;
  close(): Promise<void>;
}

export async function startApp(overrides: ConfigOverrides = {}, options: Partial<AppOptions> = {}): Promise<RunningApp> {
  const dir = tempDir();
  const config = resolveConfig({ host: '127.0.0.1', port: 0, controlPort: 0, dataDir: dir.path, ...overrides }, {});
  const app = await createApp({ config, logger: silentLogger(), ...options });
  await app.start();
  const status = app.status();
  const receiverUrl = `http://127.0.0.1:${status.receiver.port}`;
  const controlUrl = `http://127.0.0.1:${config.controlPort}`;
  return {
    app,
    dataDir: dir.path,
    receiverUrl,
    webhookUrl: `${receiverUrl}/api/v1/simplyprint/webhook`,
    controlUrl,
    token: config.controlToken,
    api: (path, init = {}) =>
      fetch(`${controlUrl}${path}`, { ...init, headers: { authorization: `Bearer ${config.controlToken}`, ...(init.headers ?? {}) } }),
    post: (body, headers = {}, path = '/api/v1/simplyprint/webhook') =>
      fetch(`${receiverUrl}${path}`, { method: 'POST', body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]), headers: { 'content-type': 'application/json', ...headers } }),
    async close() {
      await app.stop();
      dir.remove();
    },
  };
}
