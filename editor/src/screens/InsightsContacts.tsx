// The contacts behind an insight (`/insights/:kind`), longest waiting first: what each said and when,
// and "open in inbox" (or take over, for a contact with no conversation yet) to answer them.
import { Link, Redirect, useLocation } from 'wouter';
import {
  CONTACT_INSIGHT_KINDS,
  type ContactInsightKind,
  type InsightContact,
} from '../../../shared/api/insights.ts';
import { PagedTable } from '../app/lists.tsx';
import { Button, Card, ErrorNote, PageHeader } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useTakeOver } from './inbox-api.ts';
import { useInsightContacts } from './insights-api.ts';
import { insightsMessages } from './insights-messages.ts';

const isContactKind = (kind: string): kind is ContactInsightKind =>
  (CONTACT_INSIGHT_KINDS as readonly string[]).includes(kind);

export function InsightsContactsScreen({ kind }: { kind: string }) {
  if (!isContactKind(kind)) return <Redirect to="/insights" replace />;
  return <ContactList kind={kind} />;
}

function ContactList({ kind }: { kind: ContactInsightKind }) {
  const t = insightsMessages.useT();
  const pages = useInsightContacts(kind);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Link href="/insights" className="text-sm text-emerald-700 hover:underline">
        ← {t('back')}
      </Link>
      <div className="mt-2">
        <PageHeader title={t(`contactsTitle_${kind}`)} subtitle={t('contactsHint')} />
      </div>
      <ErrorNote error={pages.error} />
      <Card className="overflow-hidden">
        <PagedTable
          testId="insight-contacts"
          headers={[t('contact'), t('said'), t('saidAt'), '']}
          empty={t('noContacts')}
          count={items.length}
          pending={pages.isPending}
          pages={pages}
          loadMore={t('loadMore')}
        >
          {items.map((c) => (
            <ContactRow key={c.id} contact={c} />
          ))}
        </PagedTable>
      </Card>
    </>
  );
}

function ContactRow({ contact: c }: { contact: InsightContact }) {
  const t = insightsMessages.useT();
  const time = useWorkspaceTime();
  const [, navigate] = useLocation();
  const takeOver = useTakeOver(c.id);
  return (
    <tr data-testid="insight-contact">
      <td className="px-4 py-2">
        <Link href={`/contacts/${c.id}`} className="font-medium text-slate-900 hover:text-emerald-700">
          {c.name || '—'}
        </Link>
        {c.alias && <span className="ml-2 text-slate-400">{c.alias}</span>}
      </td>
      <td className="max-w-md truncate px-4 py-2 text-slate-700">{c.text}</td>
      <td className="px-4 py-2 text-xs text-slate-500">{time.format(c.at)}</td>
      <td className="px-4 py-2 text-right">
        {c.conversationId ? (
          <Link
            href={`/inbox/${c.conversationId}`}
            className="text-sm text-emerald-700 hover:underline"
            data-testid="open-in-inbox"
          >
            {t('openInbox')}
          </Link>
        ) : (
          <Button
            size="compact"
            disabled={takeOver.isPending}
            onClick={() =>
              takeOver.mutate(undefined, {
                onSuccess: (item) => navigate(item.id ? `/inbox/${item.id}` : '/inbox'),
              })
            }
            data-testid="open-in-inbox"
          >
            {t('takeOver')}
          </Button>
        )}
        <ErrorNote error={takeOver.error} />
      </td>
    </tr>
  );
}
