/**
 * The browser-mode server: the built renderer plus the IPC contract over loopback HTTP.
 * `POST /api/invoke/<channel>` (JSON body → Result JSON) and `GET /api/events` (server-sent events).
 * Binds 127.0.0.1 only; every API call must carry the launch token and a matching Host/Origin.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../handlers/dispatch';
import type { Handlers } from '../handlers/createHandlers';
import { checkApiRequest } from './auth';
import type { SseHub } from './sse';
import { serveStatic } from './staticFiles';

/** Header that carries the token on invoke calls. */
export const TOKEN_HEADER = 'x-vnetlens-token';
/** Path prefix of invoke calls. */
export const INVOKE_PREFIX = '/api/invoke/';
/** Path of the event stream. */
export const EVENTS_PATH = '/api/events';
const MAX_BODY = 70 * 1024 * 1024;

export interface ServerOptions {
  readonly handlers: Handlers;
  readonly hub: SseHub;
  readonly rendererDir: string;
  readonly token: string;
  /** 0 = any free port. */
  readonly port: number;
}

export interface RunningServer {
  readonly port: number;
  /** The URL to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Start listening; resolves once the port is bound. */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  let port = opts.port;
  const server = createHttpServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'server error' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
      const host = header(req, 'host')?.toLowerCase();
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return void res.writeHead(403).end();
      return serveStatic(opts.rendererDir, url.pathname, res);
    }
    const facts = {
      host: header(req, 'host'), origin: header(req, 'origin'),
      headerToken: header(req, TOKEN_HEADER), queryToken: url.searchParams.get('token') ?? undefined,
    };
    const isEvents = url.pathname === EVENTS_PATH;
    const auth = checkApiRequest(facts, port, opts.token, isEvents);
    if (!auth.ok) return json(res, auth.status, { ok: false, error: { code: 'forbidden', message: auth.reason } });
    if (isEvents && req.method === 'GET') return opts.hub.attach(res);
    if (req.method !== 'POST' || !url.pathname.startsWith(INVOKE_PREFIX)) return json(res, 404, { ok: false, error: { code: 'notFound', message: 'no such route' } });
    const channel = decodeURIComponent(url.pathname.slice(INVOKE_PREFIX.length));
    let payload: unknown;
    try {
      const body = await readBody(req);
      payload = body ? (JSON.parse(body) as unknown) : {};
    } catch (err) {
      return json(res, 400, { ok: false, error: { code: 'badRequest', message: (err as Error).message } });
    }
    const result = await dispatch(opts.handlers, channel, payload);
    const status = !result.ok && result.error.code === 'notFound' && result.error.message.startsWith('unknown channel') ? 404 : 200;
    json(res, status, result);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/?token=${opts.token}`,
        close: () => new Promise<void>((done) => {
          opts.hub.closeAll();
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
