// The renderer's own origin: `app://farmhook/...` serves the built dashboard (dist/renderer) and
// nothing else — never file://, never the receiver's port. Pure helpers; main.ts registers them.
import { extname, resolve, sep } from 'node:path';
import { DASHBOARD_CSP } from '../src/control/server.js';
import { APP_ORIGIN } from './ipc-dispatcher.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'farmhook';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
/** The page's policy: nothing loads from anywhere but the app itself. */
export const RENDERER_CSP = DASHBOARD_CSP;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export const contentType = (file: string) => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file under `rootDir` that `url` names, or null for another host or a path escaping the root. */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  return file === root || !file.startsWith(root + sep) ? null : file;
}

/** Headers every app:// answer carries. */
export function appHeaders(file: string): Record<string, string> {
  return {
    'content-type': contentType(file),
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** Only https links leave the app, and then in the system browser. */
export const isExternalLink = (url: string) => {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

/** The window's web preferences: isolated, sandboxed, no Node. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const;
}
