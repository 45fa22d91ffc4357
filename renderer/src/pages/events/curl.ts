// "Copy as curl": a command that re-sends a stored body to the receiver byte-for-byte, for
// reproducing what SimplyPrint sent. The secret is never copied; when one is configured the command
// reads it from $FARMHOOK_SECRET in the operator's shell.

/** Quotes a string for POSIX shells: single quotes, with embedded ones closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function buildCurl(options: { url: string; raw: string; secretConfigured: boolean }): string {
  const lines = [`curl -sS -X POST ${shellQuote(options.url)}`, `  -H 'Content-Type: application/json'`];
  if (options.secretConfigured) lines.push(`  -H "X-SP-Secret: $FARMHOOK_SECRET"`);
  lines.push(`  --data-binary ${shellQuote(options.raw)}`);
  return lines.join(' \\\n');
}

/** The receiver URL to re-send to: prefer loopback, which always reaches the receiver on this PC. */
export function pickWebhookUrl(urls: readonly string[]): string | null {
  return urls.find((u) => /\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(u)) ?? urls[0] ?? null;
}
