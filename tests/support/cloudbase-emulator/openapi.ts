// A local stand-in for the cloud's open API gateway, for wx-server-sdk pointed at it with
// cloud.init({ serviceUrl }). What the SDK sends was found by logging its requests: a multipart form
// (action "wx.openApi", apiName, requestData) whose requestData is a protobuf CommApiData holding the
// call's fields as key → JSON pairs (snake_case); it expects a protobuf CommOpenApiResp back whose
// respData is WeChat's JSON answer ({ errcode, errmsg }).
//
// Besides subscribeMessage.send it answers the SMS fallback's two open APIs as their documents show:
// - urllink.generate: { errcode: 0, errmsg: 'ok', url_link: 'https://wxaurl.cn/<ticket>' } (WeChat's
//   "获取加密URLLink", developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/generateUrlLink.html:
//   the link looks like https://wxaurl.cn/*TICKET*; expire_interval at most 30 days, else errcode 40097 invalid args).
// - cloudbase.sendSmsV2: { errcode: 0, errmsg: 'ok', send_status_list: [{ serial_no, phone_number, code, message }] }
//   (developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/cloudbase/cloudbase.sendSmsV2.html, the
//   request env, url_link, template_id, template_param_list, phone_number_list with +86 numbers); the per-number
//   codes are Tencent Cloud SMS's (tencentcloud.com/document/api/382/52075, SendStatus and its error codes):
//   "Ok"; "InvalidParameterValue.IncorrectPhoneNumber" for a number that is not +86 and 11 digits;
//   "FailedOperation.InsufficientBalanceInSmsPackage" once the environment's SMS package is used up.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OpenApiCall {
  action: string;
  apiName: string;
  env: string;
  /** The call's fields as WeChat receives them (snake_case keys, JSON values). */
  fields: Record<string, unknown>;
}

export interface FakeOpenApi {
  url: string;
  calls: OpenApiCall[];
  /** SMS the environment's package still pays for (each sent one costs one). */
  sms: { balance: number; sent: { phone: string; params: string[]; urlLink: string }[] };
  /** The next answers to subscribeMessage.send, in order; when none is left, {"errcode":0,"errmsg":"ok"}. */
  answers: { errcode: number; errmsg: string }[];
  close(): Promise<void>;
}

// ---- protobuf, just enough: varints and length-delimited fields ----
function readVarint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const byte = buf[pos++] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

/** The fields of a message: field number → raw values (Buffer for length-delimited, number for varint). */
function fieldsOf(buf: Buffer): Map<number, (Buffer | number)[]> {
  const out = new Map<number, (Buffer | number)[]>();
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    let value: Buffer | number;
    if (wire === 0) {
      [value, pos] = readVarint(buf, afterTag);
    } else if (wire === 2) {
      const [length, start] = readVarint(buf, afterTag);
      value = buf.subarray(start, start + length);
      pos = start + length;
    } else {
      throw new Error(`unexpected wire type ${wire}`);
    }
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v > 127) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

const delimited = (field: number, data: Buffer) => Buffer.concat([varint(field * 8 + 2), varint(data.length), data]);

/** CommApiData { 2: OpenApiData { 1: repeated KeyValuePair { 1: key, 2: value } } } → { key: JSON value }. */
export function decodeOpenApiRequest(buf: Buffer): Record<string, unknown> {
  const openapiData = fieldsOf(buf).get(2)?.[0];
  if (!Buffer.isBuffer(openapiData)) throw new Error('no openapiData in the request');
  const fields: Record<string, unknown> = {};
  for (const pair of fieldsOf(openapiData).get(1) ?? []) {
    if (!Buffer.isBuffer(pair)) continue;
    const kv = fieldsOf(pair);
    const key = (kv.get(1)?.[0] as Buffer).toString('utf8');
    fields[key] = JSON.parse((kv.get(2)?.[0] as Buffer).toString('utf8'));
  }
  return fields;
}

/** CommOpenApiResp { 1: respData, 2: contentType }. */
export function encodeOpenApiResponse(json: unknown): Buffer {
  return Buffer.concat([delimited(1, Buffer.from(JSON.stringify(json))), delimited(2, Buffer.from('application/json'))]);
}

// ---- multipart/form-data, just enough ----
function formParts(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error('no multipart boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = new Map<string, Buffer>();
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after boundary, before next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name) parts.set(name, part.subarray(headerEnd + 4));
    start = next;
  }
  return parts;
}

/** The documented answers of the SMS fallback's open APIs (see the head of this file). */
function documentedAnswer(apiName: string, fields: Record<string, unknown>, sms: FakeOpenApi['sms'], serial: () => string): unknown {
  if (apiName === 'urllink.generate') {
    const interval = Number(fields.expire_interval ?? 0);
    if (fields.expire_type === 1 && (interval < 1 || interval > 30)) return { errcode: 40097, errmsg: 'invalid args' };
    return { errcode: 0, errmsg: 'ok', url_link: `https://wxaurl.cn/${serial()}` };
  }
  if (apiName === 'cloudbase.sendSmsV2') {
    const phones = Array.isArray(fields.phone_number_list) ? (fields.phone_number_list as string[]) : [];
    const params = Array.isArray(fields.template_param_list) ? (fields.template_param_list as string[]) : [];
    const send_status_list = phones.map((phone) => {
      const base = { serial_no: serial(), phone_number: phone };
      if (!/^\+861\d{10}$/.test(phone)) return { ...base, code: 'InvalidParameterValue.IncorrectPhoneNumber', message: 'the number is not valid' };
      if (sms.balance <= 0) return { ...base, code: 'FailedOperation.InsufficientBalanceInSmsPackage', message: 'insufficient balance in SMS package' };
      sms.balance -= 1;
      sms.sent.push({ phone, params, urlLink: String(fields.url_link ?? '') });
      return { ...base, code: 'Ok', message: 'send success' };
    });
    return { errcode: 0, errmsg: 'ok', send_status_list };
  }
  return { errcode: 0, errmsg: 'ok' };
}

export type OpenApiService = Omit<FakeOpenApi, 'url' | 'close'> & {
  /** Answers one open-API request (the SDK's multipart POST). */
  handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void;
};

/** The open API's behaviour, to serve from its own listener or from the CloudBase emulator's. */
export function createOpenApiService(): OpenApiService {
  const calls: OpenApiCall[] = [];
  const answers: FakeOpenApi['answers'] = [];
  const sms: FakeOpenApi['sms'] = { balance: 100, sent: [] };
  let serialNo = 0;
  const serial = () => `S${String((serialNo += 1)).padStart(8, '0')}`;
  return {
    calls,
    answers,
    sms,
    handle(req, res, body) {
      const parts = formParts(body, req.headers['content-type'] ?? '');
      const text = (name: string) => parts.get(name)?.toString('utf8') ?? '';
      const requestData = parts.get('requestData');
      const call = {
        action: text('action'),
        apiName: text('apiName'),
        env: text('envName'),
        fields: requestData ? decodeOpenApiRequest(requestData) : {},
      };
      calls.push(call);
      const queued = call.apiName === 'subscribeMessage.send' ? answers.shift() : undefined;
      const answer = queued ?? documentedAnswer(call.apiName, call.fields, sms, serial);
      res.setHeader('content-type', 'application/octet-stream');
      res.end(encodeOpenApiResponse(answer));
    },
  };
}

/** True for the SDK's open-API calls (multipart), as against its database calls (JSON). */
export const isOpenApiRequest = (req: http.IncomingMessage) => /multipart\/form-data/.test(req.headers['content-type'] ?? '');

export async function startFakeOpenApi(): Promise<FakeOpenApi> {
  const service = createOpenApiService();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => service.handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: service.calls,
    answers: service.answers,
    sms: service.sms,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the SDK keeps its connections alive
      }),
  };
}
