// "Start at login". Windows and macOS have it built in (app.setLoginItemSettings); on Linux it is a
// .desktop file in ~/.config/autostart (the XDG way), pointing at the AppImage when there is one.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Passed when started at login: FarmHook then starts in the tray without opening its window. */
export const HIDDEN_FLAG = '--hidden';

export interface LoginItemPlatform {
  platform: NodeJS.Platform;
  /** Electron's own (Windows, macOS). */
  get(): boolean;
  set(enabled: boolean): void;
  /** The command to run at login (Linux). */
  executable: string;
  configHome?: string;
}

export function autostartDesktopEntry(executable: string): string {
  const quoted = /[\s"'\\]/.test(executable) ? `"${executable.replace(/(["\\`$])/g, '\\$1')}"` : executable;
  return ['[Desktop Entry]', 'Type=Application', 'Name=FarmHook', 'Comment=Receives SimplyPrint webhooks', `Exec=${quoted} ${HIDDEN_FLAG}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

export function loginItem(p: LoginItemPlatform) {
  const file = join(p.configHome ?? process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart', 'farmhook.desktop');
  if (p.platform !== 'linux') return { get: () => p.get(), set: (enabled: boolean) => p.set(enabled) };
  return {
    get: () => existsSync(file),
    set(enabled: boolean) {
      if (!enabled) return rmSync(file, { force: true });
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, autostartDesktopEntry(p.executable));
    },
  };
}
