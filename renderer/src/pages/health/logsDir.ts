/** `<dataDir>/logs/` with the data dir's own separator (a Windows path keeps its backslashes). */
export function logsDirOf(dataDir: string): string {
  const sep = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]+$/, '')}${sep}logs${sep}`;
}
