import type { Config } from './config';

export interface Logger {
  info(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const ORDER: Record<Config['logLevel'], number> = { silent: 0, error: 1, info: 2, debug: 3 };

export function createLogger(level: Config['logLevel']): Logger {
  const at = ORDER[level];
  return {
    error: (message, ...details) => at >= 1 && console.error(message, ...details),
    info: (message, ...details) => at >= 2 && console.log(message, ...details),
    debug: (message, ...details) => at >= 3 && console.log(message, ...details),
  };
}
