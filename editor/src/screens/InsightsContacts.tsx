// The contacts behind an insight (`/insights/:kind`), longest waiting first: what each said and when,
// and "open in inbox" (or take over, for a contact with no conversation yet) to answer them.
import { Link, Redirect, useLocation } from 'wouter';
import { CONTACT_INSIGHT_KINDS, type ContactInsightKind } from '../../../shared/api/insights.ts';
import { ContactRow } from '../app/contact-row.tsx';
import { PagedTable } from '../app/lists.tsx';
import { Button, Card, ErrorNote, PageHeader } from '../app/ui.tsx';
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
            <ContactRow
              key={c.id}
              testId="insight-contact"
              contact={c}
              text={c.text}
              at={c.at}
              openInbox={t('openInbox')}
              noConversation={<TakeOver contactId={c.id} />}
            />
          ))}
        </PagedTable>
      </Card>
    </>
  );
}

/** A contact with no conversation yet: take them over, and open the conversation that makes. */
function TakeOver({ contactId }: { contactId: string }) {
  const t = insightsMessages.useT();
  const [, navigate] = useLocation();
  const takeOver = useTakeOver(contactId);
  return (
    <>
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
      <ErrorNote error={takeOver.error} />
    </>
  );
}
