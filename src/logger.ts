// Structured logs (pino) to a rotating file in the data dir. Payloads and secrets are never logged:
// request logging is off, and only the fields a call site chooses are written.
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export const logDir = (dataDir: string) => join(dataDir, 'logs');

/** pino-roll numbers the files it rotates through: farmhook.1.log, farmhook.2.log, … */
const logFileBase = (dataDir: string) => join(logDir(dataDir), 'farmhook.log');

export function createFileLogger(dataDir: string, level: string): Logger {
  const transport = pino.transport({
    target: 'pino-roll',
    options: { file: logFileBase(dataDir), size: '10m', limit: { count: 5 }, mkdir: true },
  });
  return pino({ level, redact: { paths: ['secret', '*.secret', 'token', '*.token', 'headers.authorization'], censor: '***' } }, transport);
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
