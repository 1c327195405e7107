// The Insights page (`/insights`), the marketer's home: a short list of things to do today — each a
// card that opens a list of contacts or a node — and, below, the bot's quality per flow and account.
import { Link } from 'wouter';
import { Card, Empty, ErrorNote, PageHeader } from '../app/ui.tsx';
import { InsightsBotQuality } from './InsightsBotQuality.tsx';
import { InsightCard } from './InsightsItem.tsx';
import { useInsights } from './insights-api.ts';
import { insightsMessages } from './insights-messages.ts';

export function InsightsScreen() {
  const t = insightsMessages.useT();
  const insights = useInsights();
  const items = insights.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ErrorNote error={insights.error} />
      {insights.isPending ? (
        <div className="h-32 animate-pulse rounded-xl bg-slate-100" />
      ) : items.length === 0 ? (
        <Card>
          <div data-testid="insights-empty">
            <Empty
              title={t('emptyTitle')}
              hint={t('emptyHint')}
              action={
                <Link href="/flows" className="text-sm font-medium text-emerald-700 hover:underline">
                  {t('openFlows')}
                </Link>
              }
            />
          </div>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="insights">
          {items.map((item) => (
            <li
              key={`${item.kind}:${item.link}:${JSON.stringify(item.params)}`}
              data-testid={`insight-${item.kind}`}
            >
              <InsightCard item={item} />
            </li>
          ))}
        </ul>
      )}
      <InsightsBotQuality />
    </>
  );
}
