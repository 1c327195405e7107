// Contacts: search (debounced), tag filter, cursor pages; the filter saved as a segment.

import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { contactPage } from '../../../shared/api/contacts.ts';
import { api } from '../api.ts';
import { LoadMore } from '../app/lists.tsx';
import {
  Badge,
  Button,
  Card,
  Empty,
  ErrorNote,
  Input,
  PageHeader,
  relativeTime,
  useRowLink,
} from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { ContactsExport } from './ContactsExport.tsx';
import { ContactsImport } from './ContactsImport.tsx';
import type { Rules } from './campaigns-api.ts';
import { contactsCsvMessages } from './contacts-csv-messages.ts';
import { contactsMessages, friendKey } from './contacts-messages.ts';
import { SaveSegment } from './SegmentSave.tsx';

type Page = z.infer<typeof contactPage>;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function ContactsScreen() {
  const t = contactsMessages.useT();
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [importing, setImporting] = useState(false);
  const csv = contactsCsvMessages.useT();
  const filters = { q: useDebounced(q.trim(), 250), tag: useDebounced(tag.trim(), 250) };
  const pages = useInfiniteQuery({
    queryKey: ['contacts', filters],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (filters.q) params.set('q', filters.q);
      if (filters.tag) params.set('tag', filters.tag);
      if (pageParam) params.set('cursor', pageParam);
      return api<Page>('GET', `/contacts?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-4 flex flex-wrap items-start gap-2">
        <Input placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} className="w-72" />
        <Input placeholder={t('tag')} value={tag} onChange={(e) => setTag(e.target.value)} className="w-48" />
        <div className="ml-auto flex gap-2">
          {(filters.q || filters.tag) && (
            <SaveSegment key={`${filters.q}|${filters.tag}`} rules={filterRules(filters)} />
          )}
          <ContactsExport q={filters.q} tag={filters.tag} />
          <Button onClick={() => setImporting(true)}>{csv('import')}</Button>
        </div>
      </div>
      {importing && <ContactsImport onClose={() => setImporting(false)} />}
      <ErrorNote error={pages.error} />
      <Card className="overflow-hidden">
        {pages.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : items.length === 0 ? (
          <Empty title={t('empty')} hint={t('emptyHint')} />
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">{t('name')}</th>
                <th className="px-4 py-3">{t('friend')}</th>
                <th className="px-4 py-3">{t('tags')}</th>
                <th className="px-4 py-3">{t('lastInbound')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((c) => (
                <ContactRow key={c.id} contact={c} lang={lang} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <LoadMore pages={pages} label={t('loadMore')} />
    </>
  );
}

/** The list's filter in the segment language: the search as the name, the tag as a tag. */
export function filterRules(filters: { q: string; tag: string }): Rules {
  return {
    match: 'all',
    rules: [
      ...(filters.q ? [{ field: 'contact.name', op: 'contains' as const, value: filters.q }] : []),
      ...(filters.tag ? [{ field: 'tags', op: 'has_tag' as const, value: filters.tag }] : []),
    ],
  };
}

function ContactRow({ contact: c, lang }: { contact: Page['items'][number]; lang: string }) {
  const t = contactsMessages.useT();
  const rowLink = useRowLink(`/contacts/${c.id}`);
  return (
    <tr {...rowLink}>
      <td className="px-4 py-3">
        <Link href={`/contacts/${c.id}`} className="font-medium text-slate-900 hover:text-emerald-700">
          {c.name || '—'}
        </Link>
        {c.alias && <span className="ml-2 text-slate-400">{c.alias}</span>}
      </td>
      <td className="px-4 py-3">
        <Badge
          tone={c.friendStatus === 'friend' ? 'green' : c.friendStatus === 'deleted_us' ? 'red' : 'slate'}
        >
          {t(friendKey(c.friendStatus))}
        </Badge>
      </td>
      <td className="space-x-1 px-4 py-3">
        {c.tags.map((tagName) => (
          <Badge key={tagName} tone="blue">
            {tagName}
          </Badge>
        ))}
      </td>
      <td className="px-4 py-3 text-slate-500">{relativeTime(c.lastInboundAt, lang, c.clockNow)}</td>
    </tr>
  );
}
