// AWS Signature Version 4 for the console's calls, on WebCrypto: the only crypto glue the console has.
// Canonical form as AWS's services (not S3) and the Archway verifier build it: the path as sent, each
// segment encoded once more; the query decoded, strictly re-encoded and sorted; header values trimmed.

const utf8 = new TextEncoder();

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), b => b.toString(16).padStart(2, '0')).join('');
}

function bytes(data) {
  return typeof data === 'string' ? utf8.encode(data) : data;
}

export async function sha256Hex(data) {
  return hex(await crypto.subtle.digest('SHA-256', bytes(data ?? '')));
}

async function hmac(key, text) {
  const k = await crypto.subtle.importKey('raw', bytes(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, utf8.encode(text));
}

/** RFC 3986: everything but A-Z a-z 0-9 - _ . ~ percent-encoded, upper-case hex, from UTF-8. */
export function uriEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function percentDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // malformed escapes are signed as sent
  }
}

export function canonicalPath(rawPath) {
  const segments = [];
  for (const segment of (rawPath || '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(uriEncode(segment));
  }
  const path = '/' + segments.join('/');
  return segments.length > 0 && rawPath.endsWith('/') ? path + '/' : path;
}

export function canonicalQuery(rawQuery) {
  if (!rawQuery) return '';
  const pairs = rawQuery.split('&').filter(p => p !== '').map(pair => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    return [uriEncode(percentDecode(name)), uriEncode(percentDecode(value))];
  });
  // byte order of the encoded forms (all ASCII here), by name then value
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => n + '=' + v).join('&');
}

function amzDate(now) {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs one request. `headers` are the ones the request will carry besides Host (which the browser
 * sets to `host`); returns them with X-Amz-Date and Authorization added.
 */
export async function sign({ method, host, path, query = '', headers = {}, body = '', region, service,
  accessKeyId, secretAccessKey, now = new Date() }) {
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const all = { ...headers, 'X-Amz-Date': date };
  const lines = new Map([['host', String(host).trim()]]);
  for (const [name, value] of Object.entries(all)) {
    lines.set(name.toLowerCase(), String(value).trim().replace(/[ \t]+/g, ' '));
  }
  const names = [...lines.keys()].sort();
  const signedHeaders = names.join(';');
  const canonical = [
    method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query),
    names.map(n => n + ':' + lines.get(n)).join('\n') + '\n',
    signedHeaders,
    await sha256Hex(body),
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, await sha256Hex(canonical)].join('\n');
  let key = await hmac('AWS4' + secretAccessKey, day);
  key = await hmac(key, region);
  key = await hmac(key, service);
  key = await hmac(key, 'aws4_request');
  const signature = hex(await hmac(key, stringToSign));
  return {
    ...all,
    Authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
