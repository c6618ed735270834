import WebSocket from 'ws';
import { UserRole } from '../../src/auth/user.entity';
import { buildUser } from '../support/factories';
import type { TestServer } from '../support/test-server';

/** A raw graphql-ws socket, to see close codes and frames exactly as a client would. */
export interface RawSocket {
  ws: WebSocket;
  frames: any[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
}

export function openSocket(httpUrl: string): Promise<RawSocket> {
  const ws = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const frames: any[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed, send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)) }));
    ws.once('error', reject);
  });
}

/** connection_init with the token; resolves on ack, or with the close if the server refused. */
export async function init(socket: RawSocket, token: string | null): Promise<'ack' | { code: number; reason: string }> {
  socket.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
  let closed = false;
  void socket.closed.then(() => (closed = true));
  return Promise.race([
    new Promise<'ack'>((resolve) => {
      // Polls until the ack, or until the socket has closed (then the race has its answer).
      const check = () => (socket.frames.some((frame) => frame.type === 'connection_ack') ? resolve('ack') : closed ? undefined : setTimeout(check, 5));
      check();
    }),
    socket.closed,
  ]);
}

/** A token of a new user with the role (each test its own user, so limits per user do not meet). */
export async function tokenOfNew(server: TestServer, role: UserRole): Promise<string> {
  const em = server.orm.em.fork();
  const user = buildUser(em, { role });
  await em.flush();
  return server.tokenFor(user.id);
}

/** A GraphQL POST as the token's user, for its raw status and headers. */
export const postQuery = (server: TestServer, token: string, query: string) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
