/** Server-sent events: the browser-mode equivalent of webContents.send for main → renderer events. */
import type { ServerResponse } from 'node:http';
import type { Emit } from '../handlers/deps';

/** Keeps the open event streams and writes each event to all of them. */
export interface SseHub {
  readonly emit: Emit;
  attach(res: ServerResponse): void;
  closeAll(): void;
  readonly size: number;
}

/** A new hub with no clients. */
export function sseHub(): SseHub {
  const clients = new Set<ServerResponse>();
  return {
    emit: (channel, payload) => {
      const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    attach(res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    closeAll() {
      for (const res of clients) res.end();
      clients.clear();
    },
    get size() {
      return clients.size;
    },
  };
}
