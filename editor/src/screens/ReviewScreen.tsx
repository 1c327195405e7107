// Quality review (质检, `/review`): the bot's and agents' messages someone flagged good or bad,
// filtered by rating, flow, node and agent, newest first; a flag can be changed or taken off in place.
import { useState } from 'react';
import { LoadMore } from '../app/lists.tsx';
import { Card, Empty, ErrorNote, Input, PageHeader, Select } from '../app/ui.tsx';
import { useFlowList } from '../queries.ts';
import { useDebounced } from './groups-api.ts';
import { type ReviewFilters, type ReviewRating, useAgents, useReviewPages } from './inbox-stats-api.ts';
import { inboxStatsMessages } from './inbox-stats-messages.ts';
import { ReviewRow } from './ReviewRow.tsx';

export function ReviewScreen() {
  const t = inboxStatsMessages.useT();
  const [filters, setFilters] = useState<ReviewFilters>({ rating: '', flowId: '', nodeId: '', agentId: '' });
  const nodeId = useDebounced(filters.nodeId.trim());
  const pages = useReviewPages({ ...filters, nodeId });
  const filtered = Object.values(filters).some(Boolean);
  const set = (patch: Partial<ReviewFilters>) => setFilters({ ...filters, ...patch });
  return (
    <>
      <PageHeader title={t('reviewTitle')} subtitle={t('reviewSubtitle')} />
      <div className="mb-4 flex flex-wrap gap-2">
        <Select
          aria-label={t('rating')}
          value={filters.rating}
          onChange={(e) => set({ rating: e.target.value as ReviewRating | '' })}
          data-testid="review-filter-rating"
        >
          <option value="">{t('allRatings')}</option>
          <option value="good">{t('good')}</option>
          <option value="bad">{t('bad')}</option>
        </Select>
        <FlowFilter value={filters.flowId} onChange={(flowId) => set({ flowId })} />
        <Input
          type="search"
          placeholder={t('nodeFilter')}
          aria-label={t('nodeFilter')}
          value={filters.nodeId}
          onChange={(e) => set({ nodeId: e.target.value })}
          className="w-40"
          data-testid="review-filter-node"
        />
        <AgentFilter value={filters.agentId} onChange={(agentId) => set({ agentId })} />
      </div>
      <ErrorNote error={pages.error} />
      <Card className="overflow-hidden">
        {pages.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : pages.items.length === 0 ? (
          filtered ? (
            <Empty title={t('reviewEmptyFiltered')} hint={t('reviewEmptyFilteredHint')} />
          ) : (
            <Empty title={t('reviewEmpty')} hint={t('reviewEmptyHint')} />
          )
        ) : (
          <ul className="divide-y divide-slate-100">
            {pages.items.map((item) => (
              <ReviewRow key={item.messageId} item={item} />
            ))}
          </ul>
        )}
      </Card>
      <LoadMore pages={pages} label={t('loadMore')} />
    </>
  );
}

function FlowFilter(props: { value: string; onChange: (flowId: string) => void }) {
  const t = inboxStatsMessages.useT();
  const flows = useFlowList();
  return (
    <Select
      aria-label={t('flow')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      className="max-w-60"
      data-testid="review-filter-flow"
    >
      <option value="">{t('allFlows')}</option>
      {flows.data?.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name}
        </option>
      ))}
    </Select>
  );
}

function AgentFilter(props: { value: string; onChange: (agentId: string) => void }) {
  const t = inboxStatsMessages.useT();
  const agents = useAgents();
  return (
    <Select
      aria-label={t('agent')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid="review-filter-agent"
    >
      <option value="">{t('allAgents')}</option>
      {agents.data?.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name || m.email}
        </option>
      ))}
    </Select>
  );
}
