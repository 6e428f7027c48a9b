import { json, SimServer } from '../src/server';

describe('SimServer', () => {
  it('routes with path parameters, counts requests and tells listeners what it answered', async () => {
    const server = new SimServer('t', '/api');
    const seen: string[] = [];
    server
      .route('POST', '/items/:id', (req) => json(201, { id: req.params.id, body: req.body }))
      .onResponse((req, res) => void seen.push(`${req.method} ${req.path} ${res.status}`));
    const base = await server.start();
    try {
      const res = await fetch(`${base}/items/a%20b`, {
        method: 'POST',
        body: '{"x":1}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ id: 'a b', body: { x: 1 } });
      expect((await fetch(`${base}/items/1`)).status).toBe(405);
      expect((await fetch(`${base}/nope`)).status).toBe(404);
      expect(seen).toEqual(['POST /api/items/a%20b 201']);
      expect(server.requests).toEqual(['POST /api/items/a%20b', 'GET /api/items/1', 'GET /api/nope']);
    } finally {
      await server.stop();
    }
  });
});
