// A local HTTP listener standing in for the CloudBase service: it records every request the SDK
// sends and answers with CloudBase-shaped responses the test chooses.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CloudRequest {
  action: string;
  collectionName?: string;
  query?: unknown;
  queryType?: string;
  order?: unknown;
  limit?: number;
  /** The fields asked for (Query.field). */
  projection?: unknown;
  data?: unknown;
  transactionId?: string;
  upsert?: boolean;
  merge?: boolean;
}

/** Canonical EJSON as the SDK sends it ({"$numberInt":"1"}) back to plain JSON values. */
export function fromEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromEjson);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const [first] = entries;
    if (entries.length === 1 && first && ['$numberInt', '$numberDouble', '$numberLong'].includes(first[0])) return Number(first[1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, fromEjson(v)]));
  }
  return value;
}

const parseField = (value: unknown) => (typeof value === 'string' ? fromEjson(JSON.parse(value)) : value);

export type Responder = (request: CloudRequest) => unknown;

export const listAnswer = (docs: unknown[]) => ({ data: { list: docs.map((d) => JSON.stringify(d)) }, requestId: 'r' });

/** The default answers: empty lists, a transaction id, writes that succeed. */
export const defaultResponder: Responder = (request) => {
  switch (request.action) {
    case 'database.startTransaction':
      return { transactionId: 'tx-1', requestId: 'r' };
    case 'database.getDocument':
      return listAnswer([]);
    case 'database.calculateDocument':
      return { data: { total: 0 }, requestId: 'r' };
    case 'database.insertDocument':
      return { data: { insertedIds: ['x'] }, requestId: 'r' };
    case 'database.modifyDocument':
      return { data: { updated: 1, upsert_id: null }, requestId: 'r' };
    default:
      return { requestId: 'r' };
  }
};

export interface CloudListener {
  url: string;
  requests: CloudRequest[];
  respond(responder: Responder): void;
  close(): Promise<void>;
}

export async function startCloudListener(): Promise<CloudListener> {
  const requests: CloudRequest[] = [];
  let responder: Responder = defaultResponder;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const raw = JSON.parse(body) as Record<string, unknown>;
      const request: CloudRequest = {
        action: String(raw.action),
        ...(raw.collectionName !== undefined ? { collectionName: String(raw.collectionName) } : {}),
        ...(raw.query !== undefined ? { query: parseField(raw.query) } : {}),
        ...(raw.queryType !== undefined ? { queryType: String(raw.queryType) } : {}),
        ...(raw.order !== undefined ? { order: parseField(raw.order) } : {}),
        ...(raw.limit !== undefined ? { limit: Number(raw.limit) } : {}),
        ...(raw.projection !== undefined ? { projection: parseField(raw.projection) } : {}),
        ...(raw.data !== undefined
          ? { data: Array.isArray(raw.data) ? raw.data.map(parseField) : parseField(raw.data) }
          : {}),
        ...(raw.transactionId !== undefined ? { transactionId: String(raw.transactionId) } : {}),
        ...(raw.upsert !== undefined ? { upsert: Boolean(raw.upsert) } : {}),
        ...(raw.merge !== undefined ? { merge: Boolean(raw.merge) } : {}),
      };
      requests.push(request);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(responder(request)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tcb`,
    requests,
    respond: (next) => (responder = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
