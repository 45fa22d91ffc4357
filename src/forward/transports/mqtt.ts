// MQTT (mqtt.js): each event to <prefix>/<printer>/<event> and, when it concerns a printer, a
// retained <prefix>/<printer>/state with the printer's latest event, so Home Assistant or Node-RED
// see the current state the moment they subscribe. QoS 1: a send counts only after the broker's
// PUBACK. One connection per destination is kept open between sends; reconnection is the worker's
// retry, not mqtt.js's, so a dead broker shows up as failed attempts in the log.
import { lookup } from 'node:dns/promises';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { buildEnvelope } from '../envelope.js';
import { describeEvent } from '../../shared/events.js';
import type { StoredEvent } from '../../store/hooks.js';
import { assertAllowedHost, isMetadataAddress } from '../safety.js';
import type { DestinationRecord, DestinationSecrets } from '../destination-record.js';
import { failure, type SendRequest, type SendOutcome, type Transport } from './transport.js';

/** One topic level: MQTT forbids wildcards in published topics and "/" would add a level. */
export const topicSegment = (value: string) => value.replace(/[+#/\u0000]/g, '_').trim() || '_';

export function printerSegment(event: StoredEvent): string {
  return topicSegment(event.printerId ?? 'farm');
}

export function stateMessage(event: StoredEvent): Record<string, unknown> {
  const data = (event.payload.data ?? {}) as Record<string, unknown>;
  const job = data.job !== null && typeof data.job === 'object' ? (data.job as Record<string, unknown>) : {};
  return {
    printer: { id: event.printerId, name: event.printerName },
    event: event.event,
    label: describeEvent(event.event).label.en,
    category: event.category,
    eventId: event.id > 0 ? String(event.id) : null,
    at: new Date(event.receivedAt).toISOString(),
    job:
      event.category === 'job' || event.jobId !== null
        ? { id: event.jobId, file: event.jobFile, state: event.jobState, percentage: job.percentage ?? null }
        : null,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function refuseMetadata(hostname: string): Promise<void> {
  assertAllowedHost(hostname);
  const addresses = await lookup(hostname, { all: true });
  if (addresses.some((a) => isMetadataAddress(a.address))) throw new Error(`refused: ${hostname} resolves to a cloud metadata address`);
}

interface Held {
  key: string;
  client: MqttClient;
}

export function mqttTransport(): Transport {
  const clients = new Map<number, Held>();

  const drop = async (destinationId: number) => {
    const held = clients.get(destinationId);
    clients.delete(destinationId);
    if (held) await held.client.endAsync(true).catch(() => undefined);
  };

  async function clientFor(destination: DestinationRecord, secrets: DestinationSecrets): Promise<MqttClient> {
    const config = destination.settings.config;
    if (config.type !== 'mqtt') throw new Error('not an MQTT destination');
    // Reconnect when the settings (or password) changed since the connection was made.
    const key = JSON.stringify([config, secrets.password ?? null]);
    const held = clients.get(destination.id);
    if (held && held.key === key && held.client.connected) return held.client;
    await drop(destination.id);
    const url = new URL(config.url);
    await refuseMetadata(url.hostname);
    const options: IClientOptions = {
      clientId: `farmhook-${destination.id}-${Math.random().toString(16).slice(2, 10)}`,
      username: config.username ?? undefined,
      password: secrets.password,
      connectTimeout: destination.settings.timeoutMs,
      reconnectPeriod: 0,
      clean: true,
      rejectUnauthorized: config.rejectUnauthorized,
      ca: config.ca ?? undefined,
    };
    const client = await withTimeout(connectAsync(config.url, options, false), destination.settings.timeoutMs, 'connecting to the broker');
    // Errors after connecting surface as a failed publish; without a listener they would crash.
    client.on('error', () => undefined);
    clients.set(destination.id, { key, client });
    return client;
  }

  return {
    async send({ deliveryId, event, destination, secrets }: SendRequest): Promise<SendOutcome> {
      const config = destination.settings.config;
      if (config.type !== 'mqtt') return failure('not an MQTT destination');
      const started = Date.now();
      const timeoutMs = destination.settings.timeoutMs;
      try {
        const client = await clientFor(destination, secrets);
        const base = `${config.topicPrefix}/${printerSegment(event)}`;
        const remaining = () => Math.max(1, timeoutMs - (Date.now() - started));
        const topic = `${base}/${topicSegment(event.event)}`;
        await withTimeout(
          client.publishAsync(topic, JSON.stringify(buildEnvelope(deliveryId, event)), { qos: 1 }),
          remaining(),
          'publishing',
        );
        if (config.retainState && event.printerId !== null) {
          await withTimeout(
            client.publishAsync(`${base}/state`, JSON.stringify(stateMessage(event)), { qos: 1, retain: true }),
            remaining(),
            'publishing the state',
          );
        }
        return { ok: true, statusCode: null, responseBody: `published to ${topic}`, error: null, retryAfterMs: null, gone: false };
      } catch (error) {
        await drop(destination.id);
        return failure(`MQTT: ${(error as Error).message}`);
      }
    },
    forget: drop,
    async close() {
      await Promise.all([...clients.keys()].map((id) => drop(id)));
    },
  };
}
