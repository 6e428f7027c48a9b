import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Zapier's side of the webhooks, for the tour and the tests: a stand-in for Zapier's hook URLs (a
 * loopback listener that keeps what it receives), and the bundle a hook's `perform` gets from it.
 */

/** One request the receiver got. */
export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** Starts a loopback HTTP listener answering 200 to every POST; `next(path)` waits for the next one there. */
export const startDeliveryReceiver = async () => {
  const received: ReceivedDelivery[] = [];
  const waiting: { path: string; resolve: (d: ReceivedDelivery) => void }[] = [];
  const taken = new Set<ReceivedDelivery>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const delivery: ReceivedDelivery = {
        path: new URL(req.url ?? '/', 'http://receiver').pathname,
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(delivery);
      const w = waiting.findIndex((x) => x.path === delivery.path);
      if (w >= 0) {
        taken.add(delivery);
        waiting.splice(w, 1)[0]!.resolve(delivery);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    received,
    /** The next delivery to `path` not yet taken; fails after `ms`. */
    next: (path: string, ms = 5000): Promise<ReceivedDelivery> => {
      const ready = received.find((d) => d.path === path && !taken.has(d));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no delivery to ${path} within ${ms} ms`)), ms);
        waiting.push({
          path,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export type DeliveryReceiver = Awaited<ReturnType<typeof startDeliveryReceiver>>;

/**
 * The parts of a Zapier bundle a hook's `perform` reads, from a received delivery: the parsed body
 * as `cleanedRequest`, and `rawRequest` with the raw body and the headers named as Zapier names them
 * (Camel-Case, and prefixed `Http-` except `Content-Length` and `Content-Type`).
 */
export const hookBundleOf = (delivery: ReceivedDelivery) => ({
  cleanedRequest: JSON.parse(delivery.rawBody) as unknown,
  rawRequest: {
    method: 'POST',
    querystring: '',
    headers: Object.fromEntries(
      Object.entries(delivery.headers).map(([k, v]) => {
        const name = k.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
        return [
          /^Content-(Length|Type)$/.test(name) ? name : `Http-${name}`,
          Array.isArray(v) ? v.join(', ') : String(v ?? ''),
        ];
      }),
    ),
    content: delivery.rawBody,
  },
});
