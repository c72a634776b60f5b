// Who may talk to the server, and how the page is protected once loaded: a Host allow-list (DNS
// rebinding), a bearer token when the server listens beyond loopback, writes only from the
// page's own origin in a body type no cross-site form can send, and the security headers
// (decision 0012).
import { timingSafeEqual, createHash } from 'node:crypto';
import { hostname as machineName, networkInterfaces } from 'node:os';
import type { MiddlewareHandler } from 'hono';
import { TiesError } from '../errors.ts';

/** Options of `consent`. */
export interface ConsentOptions {
  /** The address the server listens on (`--host`); its names join the loopback ones. */
  host?: string;
  /** When set, every `/api/` request must carry `Authorization: Bearer <token>`. */
  token?: string;
}

/** Media types a write may carry: a cross-site form can send neither without the page's consent. */
export const WRITE_MEDIA_TYPES = ['application/json', 'multipart/form-data'];

const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]']);

const bare = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');

/** True when `host` (a name or an address) can only be reached from this machine. */
export function isLoopback(host: string): boolean {
  const h = bare(host);
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h)
  );
}

/** The host names a server listening on `listen` answers to. */
export function allowedHosts(listen = '127.0.0.1'): Set<string> {
  const out = new Set(['localhost', '127.0.0.1', '::1', bare(listen)]);
  // Listening on every interface names every address of this machine, and its own name.
  if (WILDCARD.has(bare(listen))) {
    out.add(machineName().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) out.add(bare(a.address));
  }
  return out;
}

/** The host name of a Host header value (`[::1]:8787` → `::1`, `Example.org:80` → `example.org`). */
export function hostOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.indexOf(':');
  // Two colons or more is a bare IPv6 address (not valid in Host, compared as it is).
  return colon >= 0 && colon === h.lastIndexOf(':') ? h.slice(0, colon) : h;
}

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever
// the guess.
const digest = (s: string) => createHash('sha256').update(s).digest();
const sameToken = (given: string, token: string) => timingSafeEqual(digest(given), digest(token));

const SAFE = new Set(['GET', 'HEAD']);

/** What the consent checks read of a request. */
export interface ConsentRequest {
  method: string;
  path: string;
  /** A header's value by its lower-case name. */
  header(name: string): string | undefined;
}

/** The checks of `consent`, as a function of the request: why it is refused, or null. */
export function consentCheck(
  options: ConsentOptions = {},
): (req: ConsentRequest, hostHeader: string) => TiesError | null {
  const hosts = allowedHosts(options.host);
  const token = options.token;
  return (req, hostHeader) => {
    if (!hosts.has(hostOf(hostHeader))) {
      return new TiesError(
        'FORBIDDEN',
        `this server does not answer to the host name '${hostOf(hostHeader)}'`,
      );
    }
    if (token !== undefined && req.path.startsWith('/api/')) {
      const given =
        /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '')?.[1] ??
        tokenCookie(req.header('cookie'));
      if (given === undefined || !sameToken(given, token)) {
        return new TiesError(
          'UNAUTHORIZED',
          'this server needs its token: send Authorization: Bearer <token>',
        );
      }
    }
    if (!SAFE.has(req.method)) {
      const site = req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return new TiesError(
          'FORBIDDEN',
          `a write from another site is refused (Sec-Fetch-Site: ${site})`,
        );
      }
      const origin = req.header('origin');
      if (origin !== undefined && originHost(origin) !== hostHeader.trim().toLowerCase()) {
        return new TiesError(
          'FORBIDDEN',
          `a write from another origin is refused (Origin: ${origin.slice(0, 200)})`,
        );
      }
      const length = req.header('content-length');
      const hasBody =
        (length !== undefined && length !== '0') || req.header('transfer-encoding') !== undefined;
      if (req.method === 'POST' || hasBody) {
        const media = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (!WRITE_MEDIA_TYPES.includes(media)) {
          return new TiesError(
            'UNSUPPORTED',
            `Content-Type ${media || '(none)'} is not accepted: send application/json or multipart/form-data`,
          );
        }
      }
    }
    return null;
  };
}

/**
 * The consent checks, in order: the Host header is one this server answers to (every request);
 * the token, when one is set (every `/api/` request); for every other method than GET and HEAD,
 * no sign of another site (`Sec-Fetch-Site`, `Origin`) and a JSON or multipart body.
 */
export function consent(options: ConsentOptions = {}): MiddlewareHandler {
  const check = consentCheck(options);
  return async (c, next) => {
    const refusal = check(
      { method: c.req.method, path: c.req.path, header: (name) => c.req.header(name) },
      c.req.header('host') ?? new URL(c.req.url).host,
    );
    if (refusal?.code === 'UNAUTHORIZED') c.header('WWW-Authenticate', 'Bearer realm="ties"');
    if (refusal) throw refusal;
    await next();
  };
}

// The page's copy of the token for plain links (export downloads): SameSite=Strict, so no
// request another site starts carries it.
function tokenCookie(header: string | undefined): string | undefined {
  const raw = /(?:^|;\s*)ties-token=([^;]*)/.exec(header ?? '')?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

// 'null' (a sandboxed frame, a file) and anything unparsable match no host.
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

// A CSP with no inline script (the built page has none); the page sets colours and widths
// through style attributes, from which no script runs.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "script-src-attr 'none'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The security headers of every answer: a CSP with no inline script, no framing, no MIME
 * sniffing, no referrer; and the rest of what Helmet (and Hono's `secureHeaders`) send. One
 * constant, written by the middleware and by the server's answers from the response cache.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});

/** Sets `SECURITY_HEADERS` on every answer, errors included. */
export function securityHeaders(): MiddlewareHandler {
  const entries = Object.entries(SECURITY_HEADERS);
  return async (c, next) => {
    await next();
    for (const [name, value] of entries) c.res.headers.set(name, value);
  };
}

/** Throws unless a server on `host` is safe to start: beyond loopback it needs a token. */
export function checkListen(host: string, token: string | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new TiesError(
      'INVALID',
      `listening on ${host} (beyond this machine) needs a token: pass --token T or set TIES_TOKEN`,
    );
  }
}
