// What `farmhook serve` prints to the terminal: where to point SimplyPrint, where the dashboard is,
// then one line per delivery. Never a payload, never the webhook secret.
import type { FarmhookApp } from './app.js';
import type { PushEvent } from './shared/push.js';

export function printBanner(app: FarmhookApp, logFolder: string): void {
  const status = app.status();
  const lines = [`FarmHook ${status.version} is receiving SimplyPrint webhooks.`, ''];
  for (const url of status.receiver.webhookUrls) lines.push(`  Webhook URL:  ${url}`);
  lines.push(`  Dashboard:    ${app.dashboardUrl()}`);
  lines.push(`  Data folder:  ${status.dataDir}`);
  lines.push(`  Logs:         ${logFolder} (farmhook.N.log, rotated at 10 MB)`);
  lines.push('');
  if (!status.receiver.secretConfigured) {
    lines.push('  ⚠ No webhook secret: anyone who can reach this port can post events.');
    lines.push('    Set FARMHOOK_SECRET (or --secret) and the same secret in SimplyPrint → Settings → Webhooks.');
    lines.push('');
  }
  lines.push('Press Ctrl+C to stop.');
  console.log(lines.join('\n'));
}

const time = () => new Date().toLocaleTimeString();

export function printPush(push: PushEvent): void {
  if (push.type === 'event.stored') {
    const e = push.event;
    const where = [e.printerName ?? e.printerId, e.jobFile].filter(Boolean).join(' · ');
    console.log(`${time()}  ${e.event.padEnd(28)} ${where}`);
  } else if (push.type === 'rejection.recorded') {
    const r = push.rejection;
    console.log(`${time()}  refused (${r.status} ${r.reason}) from ${r.remoteAddress ?? '?'}: ${r.message}`);
  }
}
