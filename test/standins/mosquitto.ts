// A real Mosquitto broker (Debian package `mosquitto`) started on a free port with a temp config and
// a password file. Not a stand-in: it is the broker farms run; this only starts and stops it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

/** The broker binary, or null when it is not installed (`apt-get install -y mosquitto`). */
export function findMosquitto(): string | null {
  for (const candidate of ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto', '/usr/local/bin/mosquitto']) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v mosquitto'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export interface Broker {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A TLS listener instead of a plain one: the server certificate and its key, as files. */
export interface BrokerTls {
  certFile: string;
  keyFile: string;
}

export async function startMosquitto(binary: string, users: Record<string, string>, port?: number, tls?: BrokerTls): Promise<Broker> {
  const dir = tempDir('farmhook-mosquitto-');
  const brokerPort = port ?? (await freePort());
  const passwords = join(dir.path, 'passwords');
  writeFileSync(passwords, '');
  const passwd = [join(binary, '..', 'mosquitto_passwd'), '/usr/bin/mosquitto_passwd'].find((p) => existsSync(p)) ?? 'mosquitto_passwd';
  for (const [user, password] of Object.entries(users)) {
    const result = spawnSync(passwd, ['-b', passwords, user, password], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`mosquitto_passwd failed: ${result.stderr}`);
  }
  const config = join(dir.path, 'mosquitto.conf');
  writeFileSync(
    config,
    [
      `listener ${brokerPort} 127.0.0.1`,
      ...(tls ? [`certfile ${tls.certFile}`, `keyfile ${tls.keyFile}`] : []),
      'allow_anonymous false',
      `password_file ${passwords}`,
      'persistence false',
      // Started as root (CI), Mosquitto would switch to the `mosquitto` user, who cannot read the temp dir.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      'log_dest stderr',
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(binary, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(async () => {
    if (exited) throw new Error(`mosquitto exited: ${output}`);
    return portOpen(brokerPort);
  }, 'mosquitto to listen', 10_000);
  return {
    url: `${tls ? 'mqtts' : 'mqtt'}://127.0.0.1:${brokerPort}`,
    port: brokerPort,
    output: () => output,
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      dir.remove();
    },
  };
}
