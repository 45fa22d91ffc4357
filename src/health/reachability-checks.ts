// The health checks of issue 6, beside the lead's basic checks (basic-checks.ts): can devices on the
// LAN reach the receiver, can the internet reach the public URL, is the tunnel up, is SimplyPrint's
// webhook pointed here with the right secret and events, is the clock right, and when was FarmHook
// not running. Each answers status, one-line finding and what to do.
import type { CheckStatus, HealthCheck } from '../shared/schemas.js';
import { webhookUrlWarnings } from '../shared/webhook-url.js';
import { clockSkewMs } from '../simplyprint/index.js';
import type { SetupRoom } from '../setup/room.js';
import type { Db } from '../store/database.js';

/** Beyond this the clock is called wrong: the API's Date header is only good to ±1 s plus half a round trip. */
const SKEW_WARN_MS = 30_000;
const PUBLIC_PROBE_TTL_MS = 60_000;
const RECENT_GAP_MS = 24 * 3_600_000;

const check = (id: string, title: string, status: CheckStatus, finding: string, action: string | null = null): HealthCheck => ({
  id,
  title,
  status,
  finding,
  action,
  checkedAt: new Date().toISOString(),
});

export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.round(hours / 24)} days`;
}

export function createReachabilityChecks(room: SetupRoom, db: Db, publicProbeTtlMs = PUBLIC_PROBE_TTL_MS) {
  async function lan(): Promise<HealthCheck> {
    const title = 'Reachable on the local network';
    const mode = room.settings().reachability.mode;
    const report = await room.probeLan();
    if (!report.lanEnabled) {
      const needsLan = mode === 'lan_only' || mode === 'port_forward';
      return needsLan
        ? check('receiver.lan', title, 'problem', 'The receiver listens on this PC only (loopback), so the router and other devices cannot reach it.', 'In setup, let the receiver listen on the local network, then restart FarmHook.')
        : check('receiver.lan', title, 'ok', 'The receiver listens on this PC only, as a tunnel on this PC needs.');
    }
    if (report.results.length === 0) return check('receiver.lan', title, 'warning', 'This PC has no network address other than loopback.', 'Connect the PC to the network.');
    const failed = report.results.filter((r) => !r.ok);
    const urls = report.results.map((r) => r.target).join(', ');
    if (failed.length === 0) return check('receiver.lan', title, 'ok', `A probe reached the receiver at ${urls}.`);
    return check(
      'receiver.lan',
      title,
      failed.length === report.results.length ? 'problem' : 'warning',
      failed.map((r) => `${r.address}: ${r.message}`).join(' '),
      'Check that FarmHook listens on all addresses and that nothing else holds the port.',
    );
  }

  async function publicUrl(): Promise<HealthCheck> {
    const title = 'Reachable from the internet';
    const mode = room.settings().reachability.mode;
    if (mode === 'lan_only') return check('reachability.public', title, 'ok', 'Set to "LAN only": only senders on the local network are expected.');
    const url = room.publicWebhookUrl();
    if (!url) return check('reachability.public', title, mode === null ? 'unknown' : 'problem', room.noUrlReason(), 'Run the setup wizard\u2019s "How SimplyPrint reaches this PC" step.');
    const warnings = webhookUrlWarnings(url);
    let probe = room.lastPublicProbe();
    if (!probe || probe.target !== url || Date.now() - Date.parse(probe.checkedAt) > publicProbeTtlMs) probe = await room.probePublic();
    if (probe.ok) {
      const note = warnings.length > 0 ? ` But: ${warnings.map((w) => w.message).join(' ')}` : '';
      return check('reachability.public', title, warnings.length > 0 ? 'warning' : 'ok', `A probe to ${url} reached FarmHook in ${probe.roundTripMs} ms.${note}`);
    }
    return check('reachability.public', title, 'problem', `${url}: ${probe.message}`, warnings.map((w) => w.message).join(' ') || null);
  }

  function tunnel(): HealthCheck | null {
    const mode = room.settings().reachability.mode;
    if (mode !== 'cloudflare_quick' && mode !== 'ngrok') return null;
    const t = room.tunnelStatus();
    const name = mode === 'ngrok' ? 'ngrok' : 'Cloudflare tunnel';
    const hints = t.hints.map((h) => h.message).join(' ') || null;
    switch (t.state) {
      case 'verified':
        return check('reachability.tunnel', name, 'ok', `Up at ${t.publicUrl}, and a probe through it reached FarmHook.`, hints);
      case 'connected':
        return check('reachability.tunnel', name, t.verification && !t.verification.ok ? 'warning' : 'ok', `Connected at ${t.publicUrl}.`, hints);
      case 'starting':
      case 'url_assigned':
        return check('reachability.tunnel', name, 'warning', `Starting${t.publicUrl ? ` (${t.publicUrl})` : ''}.`, hints);
      case 'degraded':
        return check('reachability.tunnel', name, 'warning', `${t.publicUrl ?? 'The tunnel'} has lost its connection to the edge${t.lastError ? `: ${t.lastError}` : ''}.`, hints);
      case 'failed':
        return check('reachability.tunnel', name, 'problem', t.lastError ?? 'The tunnel failed.', hints);
      case 'stopped':
        return check('reachability.tunnel', name, 'problem', 'The tunnel is not running, so SimplyPrint cannot reach FarmHook.', 'Start it in setup.');
    }
  }

  async function simplyprint(): Promise<HealthCheck> {
    const title = 'SimplyPrint webhook';
    const result = await room.webhookCheck();
    if (!result.apiConfigured) {
      return check('simplyprint.webhook', title, 'unknown', 'FarmHook has no SimplyPrint API key, so it cannot see the webhook\u2019s configuration.', 'Add an API key in setup, or compare the URL and secret in the SimplyPrint panel yourself.');
    }
    if (result.status === 'ok') return check('simplyprint.webhook', title, 'ok', `Webhook ${result.webhookId} points at ${result.currentUrl}, is enabled, has the same secret and the events needed.`);
    return check(
      'simplyprint.webhook',
      title,
      result.status,
      result.problems.join(' '),
      result.fixAvailable ? 'Use "Fix in SimplyPrint" (setup, or POST /api/v1/setup/simplyprint/webhook) to update the webhook through the API.' : null,
    );
  }

  function clock(): HealthCheck {
    const title = 'Clock';
    const serverTime = room.lastServerTime();
    if (serverTime) {
      const skew = clockSkewMs(serverTime);
      const text = `This PC\u2019s clock is ${Math.abs(Math.round(skew / 1000))} s ${skew >= 0 ? 'ahead of' : 'behind'} SimplyPrint\u2019s.`;
      return Math.abs(skew) > SKEW_WARN_MS
        ? check('clock.skew', title, 'warning', text, 'Turn on automatic time synchronisation: times in the log and alerts are otherwise off.')
        : check('clock.skew', title, 'ok', text);
    }
    // Without an API answer: SimplyPrint stamps each delivery. The smallest lag of recent deliveries
    // is the skew plus the fastest delivery time; a negative one means this PC's clock is behind.
    const row = db
      .prepare('SELECT MIN(received_at - event_ts * 1000) AS lag, COUNT(*) AS n FROM (SELECT received_at, event_ts FROM events WHERE event_ts IS NOT NULL ORDER BY id DESC LIMIT 50)')
      .get() as { lag: number | null; n: number };
    if (row.lag === null || row.n < 3) return check('clock.skew', title, 'unknown', 'Not enough to compare with yet (no API key and few deliveries).');
    if (row.lag < -SKEW_WARN_MS) {
      return check('clock.skew', title, 'warning', `Deliveries arrive stamped ${Math.round(-row.lag / 1000)} s in the future: this PC\u2019s clock is behind.`, 'Turn on automatic time synchronisation.');
    }
    return check('clock.skew', title, 'ok', `Deliveries arrive ${Math.max(0, Math.round(row.lag / 1000))} s or more after SimplyPrint stamps them.`);
  }

  function gaps(): HealthCheck {
    const title = 'Downtime';
    const report = room.downtime();
    const recent = report.gaps.filter((g) => Date.now() - Date.parse(g.to) < 7 * RECENT_GAP_MS);
    if (recent.length === 0) return check('deliveries.gaps', title, 'ok', 'FarmHook has not been stopped in the last 7 days.');
    const latest = recent[0]!;
    const longest = recent.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    const finding =
      `FarmHook was not running ${recent.length} time(s) in the last 7 days; the latest for ${duration(latest.durationMs)} ` +
      `(${latest.from} to ${latest.to}${latest.unclean ? ', it had crashed or was killed' : ''}), the longest ${duration(longest.durationMs)}.`;
    const fresh = Date.now() - Date.parse(latest.to) < RECENT_GAP_MS;
    return check('deliveries.gaps', title, fresh ? 'warning' : 'ok', finding, 'Events SimplyPrint sent during a gap were probably lost: check the printers in the SimplyPrint panel, and keep FarmHook starting with the PC.');
  }

  return async function runReachabilityChecks(): Promise<HealthCheck[]> {
    const settled = await Promise.all([lan(), publicUrl(), simplyprint()].map((p) => p.catch((error: unknown) => check('setup.error', 'Setup checks', 'unknown', `A check failed: ${(error as Error).message}`))));
    return [settled[0]!, settled[1]!, ...[tunnel()].filter((c): c is HealthCheck => c !== null), settled[2]!, clock(), gaps()];
  };
}
