// The control API is for this machine only. Two locks: the Host header must name loopback (a web page
// on some other site that resolves its own name to 127.0.0.1 — DNS rebinding — is refused), and every
// /api request must carry the control token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The Host header without its port; IPv6 literals keep their brackets. */
export function hostName(host: string | undefined): string | null {
  if (!host) return null;
  const match = /^(\[[^\]]*\]|[^:]+)(?::\d+)?$/.exec(host.trim().toLowerCase());
  return match?.[1] ?? null;
}

export const isLoopbackHost = (host: string | undefined) => LOOPBACK_HOSTS.has(hostName(host) ?? '');

const digest = (value: string) => createHash('sha256').update(value).digest();

export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

export function controlGuard(token: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isLoopbackHost(request.headers.host)) {
      return reply.code(403).send({ error: 'forbidden_host', message: 'The control API answers only to 127.0.0.1, localhost or [::1].' });
    }
    if (request.url.startsWith('/api/') && !bearerMatches(request.headers.authorization, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'Send the control token as "Authorization: Bearer <token>" (it is in <data-dir>/control-token).' });
    }
  };
}
