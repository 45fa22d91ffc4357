// MQTT forwarding against a real Mosquitto broker: event topics, the retained per-printer state,
// QoS 1, credentials, a broker that is down at first, and TLS with the farm's own CA.
import { connectAsync, type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { findMosquitto, startMosquitto, type Broker } from '../standins/mosquitto.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp-dir.js';
import { makeServerCertificates } from '../helpers/tls-certs.js';
import { waitFor } from '../helpers/wait.js';
import { openHarness, type Harness } from './harness.js';

const binary = findMosquitto();
if (!binary) {
  const reason = 'mosquitto is not installed (apt-get install -y mosquitto)';
  // In CI a missing broker is a broken set-up, not a reason to skip.
  if (process.env.CI) throw new Error(`MQTT tests need a real broker: ${reason}`);
  console.warn(`Skipping the MQTT forwarding tests: ${reason}`);
}

let harness: Harness | null = null;
let broker: Broker | null = null;
const clients: MqttClient[] = [];
afterEach(async () => {
  await harness?.close();
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  await broker?.stop();
  harness = null;
  broker = null;
});

async function subscriber(url: string, topic: string, ca?: string) {
  const client = await connectAsync(url, { username: 'ha', password: 'ha-pass', reconnectPeriod: 0, ...(ca ? { ca } : {}) });
  clients.push(client);
  const received: { topic: string; payload: unknown; retain: boolean; qos: number }[] = [];
  client.on('message', (t, payload, packet) => received.push({ topic: t, payload: JSON.parse(payload.toString()), retain: packet.retain, qos: packet.qos }));
  await client.subscribeAsync(topic, { qos: 1 });
  return received;
}

const mqttDestination = (url: string, password = 'fh-pass') => ({
  name: 'Home Assistant',
  timeoutMs: 2000,
  config: { type: 'mqtt' as const, url, username: 'farmhook', password },
});

describe.skipIf(!binary)('MQTT forwarding (real Mosquitto)', () => {
  it('publishes each event to farmhook/<printer>/<event> and a retained state topic, QoS 1', async () => {
    broker = await startMosquitto(binary!, { farmhook: 'fh-pass', ha: 'ha-pass' });
    const live = await subscriber(broker.url, 'farmhook/#');
    harness = await openHarness();
    const d = harness.forwarding.createDestination(mqttDestination(broker.url));
    expect(d.config).toMatchObject({ type: 'mqtt', username: 'farmhook', passwordSet: true, topicPrefix: 'farmhook', retainState: true });

    const started = await harness.ingest('job.started', { job: { id: 9, file: 'gear.gcode', state: 'printing', percentage: 0, printer: { id: 56, name: 'MK4 #3' } } });
    await harness.ingest('queue.add_item', { queue_item: { filename: 'a.gcode' } });
    await waitFor(() => live.length === 3, 'three messages');

    const event = live.find((m) => m.topic === 'farmhook/56/job.started');
    expect(event).toMatchObject({ qos: 1, retain: false, payload: { event: 'job.started', eventId: String(started), printer: { id: '56', name: 'MK4 #3' } } });
    expect(live.find((m) => m.topic === 'farmhook/farm/queue.add_item')).toBeDefined();
    expect(live.find((m) => m.topic === 'farmhook/56/state')?.payload).toMatchObject({
      event: 'job.started',
      printer: { id: '56', name: 'MK4 #3' },
      job: { id: '9', file: 'gear.gcode', state: 'printing', percentage: 0 },
    });

    // Home Assistant connecting later still learns the printer's state: it is retained.
    await harness.ingest('job.done', { job: { id: 9, file: 'gear.gcode', state: 'done', percentage: 100, printer: { id: 56, name: 'MK4 #3' } } });
    await waitFor(() => harness!.forwarding.destinationStats(d.id).delivered === 3, 'three delivered');
    const late = await subscriber(broker.url, 'farmhook/+/state');
    await waitFor(() => late.length === 1, 'the retained state');
    expect(late[0]).toMatchObject({ retain: true, payload: { event: 'job.done', job: { state: 'done', percentage: 100 } } });
  });

  it('reports a refused login, and delivers once the password is fixed', async () => {
    broker = await startMosquitto(binary!, { farmhook: 'fh-pass', ha: 'ha-pass' });
    const live = await subscriber(broker.url, 'farmhook/#');
    harness = await openHarness();
    const d = harness.forwarding.createDestination({ ...mqttDestination(broker.url, 'wrong-pass'), pauseAfterFailures: 2 });
    await harness.ingest('job.started', { job: { id: 1, printer: { id: 5, name: 'P5' } } });
    await waitFor(() => harness!.forwarding.getDestination(d.id).paused, 'the pause after refused logins');
    const failure = harness.forwarding.listAttempts({}).items[0]!;
    expect(failure.ok).toBe(false);
    expect(failure.error).toMatch(/^MQTT: .*(authori[sz]ed|Bad User Name or Password)/i);
    expect(failure.error).not.toContain('wrong-pass');

    // Fix the password without re-entering the rest, then resume.
    await harness.forwarding.updateDestination(d.id, { ...mqttDestination(broker.url, 'fh-pass') });
    harness.forwarding.resumeDestination(d.id);
    await waitFor(() => live.some((m) => m.topic === 'farmhook/5/job.started'), 'the event after the fix');
  });

  it('keeps the job while the broker is down and delivers when it comes up', async () => {
    const port = await freePort();
    harness = await openHarness({ backoff: { baseMs: 100, maxMs: 200 } });
    harness.forwarding.createDestination({ ...mqttDestination(`mqtt://127.0.0.1:${port}`), timeoutMs: 500 });
    await harness.ingest('job.started', { job: { id: 1, printer: { id: 7, name: 'P7' } } });
    await waitFor(() => harness!.forwarding.listAttempts({}).items.length >= 1, 'a failed attempt');
    expect(harness.forwarding.listDeliveries({}).items[0]!.status).toBe('retrying');
    broker = await startMosquitto(binary!, { farmhook: 'fh-pass', ha: 'ha-pass' }, port);
    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'delivered', 'delivery once the broker is up');
  });

  it("publishes over TLS to a broker whose certificate the farm's CA signed, and refuses one it cannot verify", async () => {
    const certs = tempDir('farmhook-tls-');
    try {
      const { caPem, certFile, keyFile } = makeServerCertificates(certs.path);
      broker = await startMosquitto(binary!, { farmhook: 'fh-pass', ha: 'ha-pass' }, undefined, { certFile, keyFile });
      expect(broker.url).toMatch(/^mqtts:/);
      const live = await subscriber(broker.url, 'farmhook/#', caPem);
      harness = await openHarness({ backoff: { baseMs: 100, maxMs: 200 } });

      // Without the CA, the broker's certificate cannot be verified: nothing is sent, and the
      // delivery log says why.
      const unverified = harness.forwarding.createDestination({ ...mqttDestination(broker.url), name: 'No CA', pauseAfterFailures: 1 });
      await harness.ingest('job.started', { job: { id: 1, printer: { id: 5, name: 'P5' } } });
      await waitFor(() => harness!.forwarding.getDestination(unverified.id).paused, 'the pause after the refused certificate');
      const refused = harness.forwarding.listAttempts({}).items.find((a) => a.destinationId === String(unverified.id))!;
      expect(refused.ok).toBe(false);
      expect(refused.error).toMatch(/^MQTT: .*certificate/i);
      expect(live).toEqual([]);

      // With the farm's CA, it verifies and publishes.
      const verified = harness.forwarding.createDestination({ ...mqttDestination(broker.url), name: 'With CA', config: { ...mqttDestination(broker.url).config, ca: caPem } });
      expect(verified.config).toMatchObject({ type: 'mqtt', caSet: true, rejectUnauthorized: true });
      await harness.ingest('job.done', { job: { id: 1, printer: { id: 5, name: 'P5' } } });
      await waitFor(() => live.some((m) => m.topic === 'farmhook/5/job.done'), 'the event over TLS');
    } finally {
      certs.remove();
    }
  });
});
