// Imported first: zod must not probe `new Function` (its fast path), which the server's
// Content-Security-Policy (script-src 'self') forbids and the browser would report as a violation.
import { z } from 'zod';

z.config({ jitless: true });
