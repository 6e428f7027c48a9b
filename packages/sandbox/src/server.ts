import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a simulator handler sees it. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (or form fields for form-encoded bodies); undefined when there was none. */
  body: unknown;
  /** The raw body text. */
  rawBody: string;
  /** Path parameters from `:name` segments of the route. */
  params: Record<string, string>;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): SimResponse => ({
  status,
  body,
  headers,
});

/** Called after a handler answered (tests watch what a simulator answers with it). */
export type ResponseListener = (req: SimRequest, res: SimResponse) => void | Promise<void>;

/**
 * A tiny in-memory HTTP server for one CRM: routes, JSON bodies, a request counter, and a free
 * loopback port. Each CRM simulator registers its documented endpoints on one of these.
 */
export class SimServer {
  private readonly routes: Route[] = [];
  private readonly listeners: ResponseListener[] = [];
  private server?: Server;
  /** Every request received, in order ("GET /triggers/auth-test"). */
  readonly requests: string[] = [];
  baseUrl = '';

  constructor(
    readonly name: string,
    /** The path prefix the real API has (e.g. `/api/v1/zapier`), so that base URLs look alike. */
    readonly prefix = '',
  ) {}

  /** Registers a listener for every answered request (after the answer is computed). */
  onResponse(listener: ResponseListener): this {
    this.listeners.push(listener);
    return this;
  }

  route(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${this.prefix}${source}/?$`), names, handler });
    return this;
  }

  private async handle(req: IncomingMessage, rawBody: string): Promise<SimResponse> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}`);
    let body: unknown;
    if (rawBody) {
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(rawBody));
      else {
        try {
          body = JSON.parse(rawBody);
        } catch {
          return json(400, { message: 'The request body is not valid JSON.' });
        }
      }
    }
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      const simReq: SimRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        rawBody,
        params,
      };
      const out = await route.handler(simReq);
      for (const listener of this.listeners) await listener(simReq, out);
      return out;
    }
    return pathMatched
      ? json(405, { message: `Method ${method} not allowed` })
      : json(404, { message: `No such endpoint: ${url.pathname}` });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, Buffer.concat(chunks).toString('utf8'))
          .catch((err: unknown) => json(500, { message: err instanceof Error ? err.message : String(err) }))
          .then((out) => {
            const headers: Record<string, string> = { ...out.headers };
            let text = '';
            if (out.body !== undefined) {
              text = typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
              headers['content-type'] ??= typeof out.body === 'string' ? 'text/plain' : 'application/json';
            }
            res.writeHead(out.status, headers);
            res.end(text);
          });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}${this.prefix}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }
}

/** Reads HTTP Basic credentials from a request. */
export const basicCredentials = (req: SimRequest): { user: string; pass: string } | undefined => {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+(.+)$/i.exec(header);
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? undefined : { user: text.slice(0, i), pass: text.slice(i + 1) };
};

/** A 24-hex-character id, like the ids NetHunt (and MongoDB) hand out. */
let counter = 0;
export const objectId = (): string => {
  counter += 1;
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return (time + counter.toString(16).padStart(16, '0')).slice(0, 24);
};
