// The console's only way to the server: the AWS APIs the SDKs call, on this listener, signed with
// SigV4 when the server wants credentials. The secret stays in this tab's sessionStorage.
import { sign } from './sigv4.js';

const STORE = 'archway.credentials';
let config = { signIn: false, region: 'us-east-1' };

export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  config = await response.json();
  return config;
}

export function region() {
  return config.region;
}

export function credentials() {
  const saved = sessionStorage.getItem(STORE);
  return saved ? JSON.parse(saved) : null;
}

export function signIn(accessKeyId, secretAccessKey) {
  sessionStorage.setItem(STORE, JSON.stringify({ accessKeyId, secretAccessKey }));
}

export function signOut() {
  sessionStorage.removeItem(STORE);
}

export function needsSignIn() {
  return config.signIn && !credentials();
}

/** One call: signed when credentials are wanted; the parsed JSON answer, or an Error in AWS's words. */
async function call(service, method, path, { query = '', headers = {}, body = '', raw = false } = {}) {
  let all = { ...headers };
  const creds = config.signIn ? credentials() : null;
  if (creds) {
    all = await sign({ method, host: location.host, path, query, headers: all, body, region: config.region, service,
      accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey });
  }
  const response = await fetch(path + (query ? '?' + query : ''), {
    method, headers: all, body: method === 'GET' || method === 'HEAD' ? undefined : body,
    credentials: 'omit', cache: 'no-store',
  });
  const text = await response.text();
  if (!response.ok) {
    let type = response.headers.get('x-amzn-errortype') || '';
    let message = text;
    try {
      const parsed = JSON.parse(text);
      message = parsed.message || parsed.Message || text;
      type = type || parsed.__type || '';
    } catch { /* not JSON: show as is */ }
    const error = new Error(`${type.split(':')[0].split('#').pop() || response.status}: ${message}`);
    error.status = response.status;
    throw error;
  }
  if (raw) return text;
  return text ? JSON.parse(text) : {};
}

function queryString(params) {
  return Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
}

/** apigateway (v1 and v2): REST JSON. */
export function apigw(method, path, body, params) {
  const json = body === undefined ? '' : JSON.stringify(body);
  return call('apigateway', method, path, {
    query: queryString(params),
    headers: json ? { 'Content-Type': 'application/json' } : {},
    body: json,
  });
}

/** apigateway with a body or answer that is a document, not JSON (imports and exports). */
export function apigwRaw(method, path, body, params, contentType = 'application/json', accept) {
  const headers = body ? { 'Content-Type': contentType } : {};
  if (accept) headers.Accept = accept;
  return call('apigateway', method, path, { query: queryString(params), headers, body: body || '', raw: true });
}

/** CloudWatch, in awsJson1_0. */
export function cloudwatch(operation, input = {}) {
  return call('monitoring', 'POST', '/', {
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'GraniteServiceVersion20100801.' + operation },
    body: JSON.stringify(input),
  });
}

/** CloudWatch Logs, in awsJson1_1. */
export function logs(operation, input = {}) {
  return call('logs', 'POST', '/', {
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Logs_20140328.' + operation },
    body: JSON.stringify(input),
  });
}

/** Every page of a REST JSON list: v1 answers `item` and `position`, v2 `items` and `nextToken`. */
export async function all(path, params = {}) {
  const items = [];
  let next = {};
  for (;;) {
    const page = await apigw('GET', path, undefined, { ...params, ...next });
    items.push(...(page.item || page.items || []));
    if (page.position) next = { position: page.position };
    else if (page.nextToken) next = { nextToken: page.nextToken };
    else return items;
  }
}

/** Every item of a token-paged CloudWatch list: `page(token)` asks for one page; `lists` name its item members. */
export async function paged(page, token, ...lists) {
  const items = [];
  let next;
  do {
    const answer = await page(next);
    for (const list of lists) items.push(...(answer[list] || []));
    next = answer[token];
  } while (next);
  return items;
}

/** Every REST API and every HTTP or WebSocket API, as {id, name, kind}. */
export async function allApis() {
  const [rest, v2] = await Promise.all([all('/restapis'), all('/v2/apis')]);
  return [
    ...rest.map(a => ({ id: a.id, name: a.name, kind: 'REST', api: a })),
    ...v2.map(a => ({ id: a.apiId, name: a.name, kind: a.protocolType === 'WEBSOCKET' ? 'WebSocket' : 'HTTP', api: a })),
  ];
}

/** The stages of an API of any kind, as {stageName, deploymentId, ...}. */
export async function stagesOf(api) {
  if (api.kind === 'REST') return (await apigw('GET', `/restapis/${api.id}/stages`)).item || [];
  return all(`/v2/apis/${api.id}/stages`);
}
