// The `farmhook` command: the headless service (`farmhook serve`) and its helpers.
import { Command, InvalidArgumentError, Option } from 'commander';
import { createApp } from './app.js';
import { ConfigError, DEFAULTS, resolveConfig, type ConfigOverrides } from './config.js';
import { ListenFailure } from './listen-error.js';
import { createFileLogger, logDir } from './logger.js';
import { VERSION } from './package-info.js';
import { printBanner, printPush } from './cli-output.js';
import { registerSimulateCommand } from './simulate/command.js';

const integer = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number.`);
  return n;
};

export function buildProgram(): Command {
  const program = new Command('farmhook')
    .description('Receives SimplyPrint webhooks on the print-farm PC, keeps every delivery, shows and forwards them.')
    .version(VERSION)
    .showHelpAfterError();

  program
    .command('serve')
    .description('Run the receiver and the local dashboard without a desktop (headless).')
    .addOption(new Option('--host <address>', `address the receiver listens on (${DEFAULTS.host}: every network; 127.0.0.1: only this PC, e.g. behind a tunnel)`).env('FARMHOOK_HOST'))
    .addOption(new Option('--port <port>', `receiver port SimplyPrint posts to (default ${DEFAULTS.port})`).env('FARMHOOK_PORT').argParser(integer('--port')))
    .addOption(new Option('--control-port <port>', `dashboard and control API port, always on 127.0.0.1 (default ${DEFAULTS.controlPort})`).env('FARMHOOK_CONTROL_PORT').argParser(integer('--control-port')))
    .addOption(new Option('--data-dir <dir>', 'where the database, logs, config.json and control-token live (default: the platform data folder for farmhook)').env('FARMHOOK_DATA_DIR'))
    .addOption(new Option('--secret <secret>', 'webhook secret SimplyPrint must send in X-SP-Secret / X-SP-Token (prefer FARMHOOK_SECRET or config.json: flags show in the process list)').env('FARMHOOK_SECRET'))
    .addOption(new Option('--control-token <token>', 'token for the control API (default: generated once into <data-dir>/control-token)').env('FARMHOOK_CONTROL_TOKEN'))
    .addOption(new Option('--body-limit <bytes>', `largest delivery accepted, in bytes (default ${DEFAULTS.bodyLimit})`).env('FARMHOOK_BODY_LIMIT').argParser(integer('--body-limit')))
    .addOption(new Option('--log-level <level>', 'file log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).env('FARMHOOK_LOG_LEVEL'))
    .option('--quiet', 'print only the start-up banner and errors, not a line per delivery')
    .addHelpText('after', '\nSettings can also come from FARMHOOK_* environment variables and <data-dir>/config.json\n(keys: host, port, controlPort, secret, bodyLimit, logLevel). Flags win over both.')
    .action(serve);

  registerSimulateCommand(program);

  return program;
}

interface ServeFlags extends ConfigOverrides {
  quiet?: boolean;
}

async function serve(flags: ServeFlags): Promise<void> {
  const { quiet, ...overrides } = flags;
  let config;
  try {
    config = resolveConfig(overrides);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createFileLogger(config.dataDir, config.logLevel);
  const app = await createApp({ config, logger });
  try {
    await app.start();
  } catch (error) {
    await app.stop();
    logger.flush();
    if (error instanceof ListenFailure) fail(error.message);
    throw error;
  }
  printBanner(app, logDir(config.dataDir));
  if (!quiet) app.hub.subscribe(printPush);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing deliveries in flight and closing the database…`);
    await app.stop();
    logger.flush();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function fail(message: string): never {
  console.error(`farmhook: ${message}`);
  process.exit(1);
}

await buildProgram().parseAsync(process.argv);
