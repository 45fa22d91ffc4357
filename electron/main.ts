// The desktop shell: one FarmHook per user session (single-instance lock taken before the receiver
// binds), the same core as `farmhook serve`, a tray icon that shows the farm's state, native
// notifications for alerts, and the dashboard in a locked-down window served from app://.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  protocol,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import log from 'electron-log/main';
import { localMinuteOfDay } from '../src/alerts/quiet-hours.js';
import { createApp, type FarmhookApp } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { ListenFailure } from '../src/listen-error.js';
import { createLocalApi } from '../src/local-api.js';
import { createSetupApi } from '../src/setup/local-api.js';
import { SecretStore, secretsFilePath } from '../src/secrets/index.js';
import { safeStorageCipher } from './secret-cipher.js';
import { createFileLogger, logDir } from '../src/logger.js';
import { PACKAGE_ROOT, DASHBOARD_DIR } from '../src/package-info.js';
import type { PushEvent } from '../src/shared/push.js';
import { appHeaders, APP_ENTRY, APP_SCHEME, isExternalLink, resolveAppFile, secureWebPreferences } from './app-protocol.js';
import { buildDiagnosticsZip } from './diagnostics.js';
import { APP_ORIGIN, createDispatcher } from './ipc-dispatcher.js';
import { INVOKE_CHANNEL, PUSH_CHANNEL } from './channels.js';
import { HIDDEN_FLAG, loginItem } from './login-item.js';
import { routeNotification } from './notification-routing.js';
import { trayModel, type TrayAction, type TrayMenuItem } from './tray-model.js';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const TRAY_ICONS = join(PACKAGE_ROOT, 'build', 'tray');
const TRAY_REFRESH_MS = 30_000;

// A second launch must not try to bind port 13000 again: it hands over to the running one and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Custom schemes must be declared before `ready`; "standard" + "secure" give app:// a real origin.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  void start().catch((error: unknown) => {
    log.error('FarmHook could not start', error);
    dialog.showErrorBox('FarmHook could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const config = resolveConfig({ dataDir: process.env.FARMHOOK_DATA_DIR || app.getPath('userData') });

  log.transports.file.resolvePathFn = () => join(config.dataDir, 'logs', 'main.log');
  log.transports.file.maxSize = 5 * 1024 * 1024; // then main.old.log: two files at most
  log.errorHandler.startCatching({ showDialog: false });
  log.info(`FarmHook ${app.getVersion()} starting; data in ${config.dataDir}; core logs in ${logDir(config.dataDir)}`);

  // Secrets encrypted with the OS keychain; any written in plain text by `farmhook serve` on this
  // data folder are encrypted now.
  const secrets = new SecretStore({ file: secretsFilePath(config.dataDir), cipher: safeStorageCipher });
  secrets.encryptPlainEntries();
  const core = await createApp({ config, secrets, logger: createFileLogger(config.dataDir, config.logLevel) });
  const alerts = core.context.alerts;
  const api = createLocalApi({ context: core.context, forwarding: core.forwarding, setup: createSetupApi(core.setup) });
  const dispatch = createDispatcher({ api, allowedOrigins: [APP_ORIGIN], onError: (method, error) => log.error(`IPC ${method} failed`, error) });
  const login = loginItem({
    platform: process.platform,
    get: () => app.getLoginItemSettings().openAtLogin,
    set: (openAtLogin) => app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_FLAG] }),
    executable: process.env.APPIMAGE ?? process.execPath,
  });

  lockDown();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(DASHBOARD_DIR, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: appHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, args: unknown) => dispatch(event.senderFrame?.url, method, args));

  let window: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let quitting = false;
  const notifications = new Set<Notification>();

  function openWindow(hash = ''): void {
    if (window && !window.isDestroyed()) {
      if (hash) void window.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return;
    }
    const win = new BrowserWindow({
      width: 1280,
      height: 840,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'FarmHook',
      autoHideMenuBar: true,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#111418' : '#ffffff',
      webPreferences: secureWebPreferences(PRELOAD),
    });
    window = win;
    win.once('ready-to-show', () => win.show());
    // Closing keeps FarmHook in the tray; Quit (tray menu, or the OS logging out) really quits.
    win.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      win.hide();
    });
    win.on('closed', () => {
      if (window === win) window = null;
    });
    void win.loadURL(`${APP_ENTRY}${hash}`);
  }

  function push(message: PushEvent): void {
    if (window && !window.isDestroyed()) window.webContents.send(PUSH_CHANNEL, message);
    if (message.type === 'alert.changed') notify(message);
    if (message.type === 'alert.changed' || message.type === 'alerts.settings_changed' || message.type === 'status.changed') scheduleTray();
    if (message.type === 'event.stored') scheduleTray(1000);
  }

  function notify(message: Extract<PushEvent, { type: 'alert.changed' }>): void {
    if (!alerts || !Notification.isSupported()) return;
    const now = Date.now();
    const decision = routeNotification(message, { settings: alerts.settings(), now, minuteOfDay: localMinuteOfDay(now) });
    if (!decision.show) return;
    const notification = new Notification({ title: decision.title, body: decision.body, urgency: decision.urgency, icon: join(TRAY_ICONS, 'icon-64.png') });
    // Kept referenced until closed: a collected notification loses its click handler on Windows.
    notifications.add(notification);
    notification.on('click', () => openWindow(decision.hash));
    notification.on('close', () => notifications.delete(notification));
    notification.show();
  }

  let trayTimer: NodeJS.Timeout | null = null;
  function scheduleTray(delayMs = 100): void {
    if (trayTimer) return;
    trayTimer = setTimeout(() => {
      trayTimer = null;
      updateTray();
    }, delayMs);
  }

  function updateTray(): void {
    if (!tray || tray.isDestroyed()) return;
    const status = core.status();
    const settings = alerts?.settings();
    const model = trayModel({
      now: Date.now(),
      openAlerts: alerts?.open() ?? [],
      printing: alerts?.printingCount() ?? 0,
      lastDeliveryAt: status.lastEventAt ? Date.parse(status.lastEventAt) : null,
      receiverListening: status.receiver.listening,
      pausedUntil: settings?.pausedUntil ? Date.parse(settings.pausedUntil) : null,
      startAtLogin: login.get(),
      webhookUrl: status.receiver.webhookUrls[0] ?? null,
      theme: nativeTheme.shouldUseDarkColors ? 'dark' : 'light',
    });
    // The Electron smoke test reads the model the tray shows (it cannot see the OS tray).
    if (process.env.FARMHOOK_E2E === '1') (globalThis as { farmhookTrayModel?: unknown }).farmhookTrayModel = model;
    tray.setImage(nativeImage.createFromPath(join(TRAY_ICONS, model.iconFile)));
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(model.menu.map(toMenuItem)));
  }

  function toMenuItem(item: TrayMenuItem): MenuItemConstructorOptions {
    if (item.kind === 'separator') return { type: 'separator' };
    if (item.kind === 'checkbox') return { id: item.id, label: item.label, type: 'checkbox', checked: item.checked, click: () => act(item.action) };
    return { id: item.id, label: item.label, enabled: item.enabled, click: () => item.action && act(item.action) };
  }

  function act(action: TrayAction): void {
    switch (action.type) {
      case 'open':
        return openWindow(action.hash);
      case 'copy-webhook-url': {
        const url = core.status().receiver.webhookUrls[0];
        if (url) clipboard.writeText(url);
        return;
      }
      case 'pause':
        alerts?.pause(action.minutes);
        return;
      case 'resume':
        alerts?.pause(0);
        return;
      case 'toggle-start-at-login':
        login.set(!login.get());
        return updateTray();
      case 'export-diagnostics':
        return void exportDiagnostics(core, config.dataDir).catch((error: unknown) => log.error('diagnostics export failed', error));
      case 'quit':
        return app.quit();
    }
  }

  core.hub.subscribe(push);
  app.on('second-instance', () => openWindow());
  // Without a window FarmHook lives on in the tray; only Quit ends it.
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    // Finish deliveries in flight and close the database before the process goes.
    void core
      .stop()
      .catch((error: unknown) => log.error('stopping the core failed', error))
      .finally(() => app.exit(0));
  });
  nativeTheme.on('updated', () => updateTray());

  try {
    await core.start();
  } catch (error) {
    // The window, tray and alerts still work; the tray and an alert say why nothing arrives.
    if (!(error instanceof ListenFailure)) throw error;
    log.error(error.message);
  }

  tray = new Tray(nativeImage.createFromPath(join(TRAY_ICONS, 'tray-ok-light.png')));
  tray.on('click', () => openWindow());
  updateTray();
  setInterval(updateTray, TRAY_REFRESH_MS).unref();

  if (!process.argv.includes(HIDDEN_FLAG)) openWindow();
}

/** Every web contents: no navigation away, no new windows, no webviews, no permissions. */
function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function exportDiagnostics(core: FarmhookApp, dataDir: string): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
  const target = await dialog.showSaveDialog({
    title: 'Export diagnostics',
    defaultPath: join(app.getPath('documents'), `farmhook-diagnostics-${stamp}.zip`),
    filters: [{ name: 'Zip', extensions: ['zip'] }],
  });
  if (target.canceled || !target.filePath) return;
  const zip = buildDiagnosticsZip({
    dataDir,
    logDirs: [join(dataDir, 'logs')],
    db: core.context.db,
    now: Date.now(),
    reports: {
      status: core.status(),
      health: await core.context.health(),
      alertSettings: core.context.alerts?.settings() ?? null,
      openAlerts: core.context.alerts?.open() ?? [],
      versions: { app: app.getVersion(), ...process.versions, platform: process.platform, arch: process.arch },
    },
  });
  await writeFile(target.filePath, zip);
  shell.showItemInFolder(target.filePath);
}
