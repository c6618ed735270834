import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken } from '../auth/tokens';
import type { Logger } from '../logger';

/**
 * Who may read `/metrics`. Metrics name operations and show load, so they are not public:
 * with METRICS_TOKEN set, a scraper sends `Authorization: Bearer <METRICS_TOKEN>`; without it,
 * only a direct request from this machine is answered — from a loopback address and without
 * the headers a reverse proxy adds, since a proxy on the same machine would otherwise make every
 * outside request look local.
 */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

function isLoopback(address: string | undefined): boolean {
  return !!address && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export function metricsAccess(req: IncomingMessage, token: string | undefined): 200 | 401 | 403 {
  if (token) {
    const offered = bearerToken(req.headers.authorization);
    return offered && timingSafeEqual(digest(offered), digest(token)) ? 200 : 401;
  }
  const proxied = PROXY_HEADERS.some((header) => req.headers[header] !== undefined);
  return isLoopback(req.socket.remoteAddress) && !proxied ? 200 : 403;
}

/** GET /metrics in Prometheus' text format; `collect` gives this process's metrics, or the cluster's. */
export function metricsEndpoint(collect: () => Promise<{ text: string; contentType: string }>, token: string | undefined, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const status = metricsAccess(req, token);
    if (status !== 200) {
      res.statusCode = status;
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(status === 401 ? 'A bearer token (METRICS_TOKEN) is required.\n' : 'Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere.\n');
      return;
    }
    try {
      const { text, contentType } = await collect();
      res.setHeader('content-type', contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(text);
    } catch (error) {
      logger.error('Collecting metrics failed', error);
      res.statusCode = 503;
      res.end('Metrics are not available right now.\n');
    }
  };
}
