import { ConfigError } from './config';

/**
 * A start-up failure the operator can fix (bad variable, port taken, database unreachable),
 * said plainly; null for anything else, which is a bug and is printed with its stack.
 */
export function startupProblem(error: unknown): string | null {
  if (error instanceof ConfigError) return error.message;
  const { code, port, address } = error as { code?: string; port?: number; address?: string };
  if (code === 'EADDRINUSE') return `Port ${port} on ${address} is already in use: stop the other server or set PORT.`;
  if (code === 'EACCES' && port !== undefined) return `Not allowed to listen on port ${port}: choose a port above 1023 with PORT.`;
  if (code === 'EADDRNOTAVAIL') return `HOST ${address} is not an address of this machine.`;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    return `Cannot reach the database at DATABASE_URL (${code}: ${(error as Error).message}).`;
  }
  return null;
}
