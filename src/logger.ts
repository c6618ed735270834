import pino from 'pino';
import type { Config } from './config';

/**
 * The one way the code logs. Backed by pino: one JSON object per line on stdout (`LOG_FORMAT=json`),
 * or coloured lines for a person at a terminal (`pretty`). A detail that is an Error becomes `err`
 * (message, type, stack); a plain object adds its fields to the line; anything else goes under
 * `details`. `child` binds fields (a request id, a worker) to every line it writes.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  format?: Config['logFormat'];
  /** Where lines go; stdout unless given (tests collect them). */
  destination?: pino.DestinationStream;
}

function fieldsOf(details: unknown[]): Record<string, unknown> | undefined {
  if (details.length === 0) return undefined;
  const fields: Record<string, unknown> = {};
  const rest: unknown[] = [];
  for (const detail of details) {
    if (detail instanceof Error) fields.err = detail;
    else if (detail !== null && typeof detail === 'object' && !Array.isArray(detail)) Object.assign(fields, detail);
    else rest.push(detail);
  }
  if (rest.length > 0) fields.details = rest;
  return fields;
}

function wrap(base: pino.Logger): Logger {
  const write = (level: 'info' | 'error' | 'debug') => (message: string, ...details: unknown[]) => {
    if (!base.isLevelEnabled(level)) return;
    const fields = fieldsOf(details);
    if (fields) base[level](fields, message);
    else base[level](message);
  };
  return { info: write('info'), error: write('error'), debug: write('debug'), child: (fields) => wrap(base.child(fields)) };
}

function prettyStream(): pino.DestinationStream {
  // Loaded only when asked for: a JSON server never pays for it.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({ sync: true, colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'hostname' });
}

export function createLogger(level: Config['logLevel'], options: LoggerOptions = {}): Logger {
  const format = options.format ?? 'json';
  const pretty = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  // Asynchronous writes (a line costs the event loop no system call); pino flushes them at exit.
  const destination = options.destination ?? (pretty ? prettyStream() : pino.destination({ dest: 1, sync: false }));
  const base = pino(
    {
      level,
      // Readable times and level names: operators read these lines as often as machines do.
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      base: { pid: process.pid },
    },
    destination,
  );
  return wrap(base);
}
