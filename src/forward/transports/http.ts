// HTTP JSON destinations: the envelope, the operator's headers, and the chosen signature.
import { buildEnvelope } from '../envelope.js';
import { postJson } from '../http-client.js';
import { signatureHeaders } from '../signing.js';
import { httpOutcome } from './http-outcome.js';
import { failure, type SendRequest, type SendOutcome, type Transport } from './transport.js';

export function httpTransport(): Transport {
  return {
    async send({ deliveryId, attempt, event, destination, secrets }: SendRequest): Promise<SendOutcome> {
      const config = destination.settings.config;
      if (config.type !== 'http') return failure('not an HTTP destination');
      const body = JSON.stringify(buildEnvelope(deliveryId, event));
      const signed = signatureHeaders({
        mode: config.signing,
        secret: secrets.secret ?? null,
        deliveryId,
        event: event.event,
        attempt,
        timestamp: Math.floor(Date.now() / 1000),
        body,
      });
      const response = await postJson(config.url, {
        // Operator headers first, so they cannot overwrite the signature.
        headers: { ...(secrets.headers ?? {}), ...signed },
        body,
        timeoutMs: destination.settings.timeoutMs,
      });
      return httpOutcome(response);
    },
  };
}
