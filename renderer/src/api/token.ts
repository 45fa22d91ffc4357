// The control token arrives once in the address (`#token=...`, printed by `farmhook serve`). It is
// kept in sessionStorage (gone when the tab closes) and removed from the address bar at once, so it
// is not left in history, bookmarks or screenshots.
const STORAGE_KEY = 'farmhook.controlToken';

interface TokenWindow {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: Storage;
}

/** Reads `token` from a fragment like `#token=abc` or `#/events?x=1&token=abc`; returns the rest. */
export function splitTokenFromHash(hash: string): { token: string | null; rest: string } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const [path, query] = body.includes('?') ? (body.split('?', 2) as [string, string]) : body.includes('=') ? ['', body] : [body, ''];
  const params = new URLSearchParams(query);
  const token = params.get('token');
  params.delete('token');
  const remaining = params.toString();
  const rest = path + (remaining ? `?${remaining}` : '');
  return { token: token && token.length > 0 ? token : null, rest };
}

/** Moves a token from the address into session storage; returns the token to use, if any. */
export function takeToken(win: TokenWindow = window): string | null {
  const { token, rest } = splitTokenFromHash(win.location.hash);
  if (token) {
    win.sessionStorage.setItem(STORAGE_KEY, token);
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}${rest ? `#${rest}` : ''}`);
    return token;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}

export function forgetToken(win: Pick<TokenWindow, 'sessionStorage'> = window): void {
  win.sessionStorage.removeItem(STORAGE_KEY);
}
