// Security headers on every response (helmet): a Content-Security-Policy the built editor runs
// under (its own scripts only; React Flow's inline `style` attributes; QR codes as data: images),
// no framing anywhere, no MIME sniffing, no referrer leaving the app.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export default fp(async function securityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    // Not helmet's defaults: no upgrade-insecure-requests, which breaks a server reached over plain
    // http on a LAN address, and frame-ancestors 'none' rather than 'self'.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Browsers ignore it over http; over https it must not bind the operator's other subdomains.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
  });
});
