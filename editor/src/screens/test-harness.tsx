// Test support for the screens: a fake API (fetch answered from a table of routes, every call recorded)
// and a harness with react-query, the language switch and a router around a screen.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { LangSwitch } from '../app/LangSwitch.tsx';
import { type Lang, LangProvider } from '../i18n.ts';

export type Call = { method: string; url: string; body: unknown };
type Answer = unknown | ((call: Call) => unknown);

/** Stubs fetch: `routes['GET /api/members']` answers that call (204 when undefined); records calls. */
export function fakeApi(routes: Record<string, Answer>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const call = { method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      const route = `${method} ${url}`;
      const key = Object.keys(routes).find(
        (k) => k === route || (k.endsWith('*') && route.startsWith(k.slice(0, -1))),
      );
      if (!key)
        return new Response(JSON.stringify({ error: { code: 'not_found', message: route } }), {
          status: 404,
        });
      const answer = routes[key];
      const body = typeof answer === 'function' ? answer(call) : answer;
      if (body === undefined) return new Response(null, { status: 204 });
      return new Response(JSON.stringify(body), { status: method === 'POST' ? 201 : 200 });
    }),
  );
  return calls;
}

export function Harness({ initial, children }: { initial: Lang; children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initial);
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [location] = useState(() => memoryLocation({ path: '/' }));
  return (
    <QueryClientProvider client={client}>
      <LangProvider lang={lang} setLang={setLang}>
        <Router hook={location.hook}>
          <LangSwitch />
          {children}
        </Router>
      </LangProvider>
    </QueryClientProvider>
  );
}
