// A contact's undelivered messages inside its transcript, after what was delivered: `unknown` (being
// sent when the service stopped — maybe on WeChat, maybe not) or `failed`, each with resend and
// dismiss for agents and up; viewers see them only. Resending an unknown one asks first.
import { useState } from 'react';
import { useMessageText } from '../app/message-kinds.ts';
import { Button } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useErrorText } from '../error-text.ts';
import { useRoleAtLeast } from '../queries.ts';
import { type UndeliveredItem, useSettleUndelivered, useUndelivered } from './undelivered-api.ts';
import { undeliveredMessages } from './undelivered-messages.ts';

function Row(props: {
  item: UndeliveredItem;
  side: 'left' | 'right';
  canAct: boolean;
  settle: ReturnType<typeof useSettleUndelivered>;
}) {
  const { item, side, canAct, settle } = props;
  const t = undeliveredMessages.useT();
  const text = useMessageText();
  const time = useWorkspaceTime();
  const [asking, setAsking] = useState(false);
  const busy = settle.isPending && settle.variables?.id === item.id;
  const act = (action: 'resend' | 'dismiss') => settle.mutate({ id: item.id, action });
  const unknown = item.status === 'unknown';
  return (
    <div
      className={`flex ${side === 'right' ? 'justify-end' : 'justify-start'}`}
      data-testid="undelivered"
      data-status={item.status}
    >
      <div
        className={`max-w-[85%] rounded-lg border border-dashed px-3 py-2 text-sm shadow-sm ${
          unknown ? 'border-amber-400 bg-amber-50' : 'border-rose-300 bg-rose-50'
        }`}
        title={time.format(item.at)}
      >
        <p className="whitespace-pre-wrap break-words text-slate-800">
          {text({ text: item.text, kind: item.kind })}
        </p>
        <p className={`mt-1 text-xs ${unknown ? 'text-amber-800' : 'text-rose-700'}`}>
          <span className="font-semibold">{t(item.status)}</span>
          {' · '}
          {unknown ? t('unknownHint') : t('failedHint')}
        </p>
        {/* The reason is the puppet's own words (often English): shown as data, not as our sentence. */}
        {!unknown && item.error && (
          <code
            className="mt-0.5 block break-words font-mono text-[11px] text-rose-600/80"
            title={t('failedReason')}
          >
            {item.error}
          </code>
        )}
        {canAct && (
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs">
            {asking ? (
              <>
                <span className="text-slate-700">{t('resendAnyway')}</span>
                <Button
                  size="small"
                  variant="danger"
                  disabled={busy}
                  onClick={() => act('resend')}
                  data-testid="undelivered-resend-confirm"
                >
                  {t('resend')}
                </Button>
                <Button size="small" onClick={() => setAsking(false)}>
                  {t('cancel')}
                </Button>
              </>
            ) : (
              <>
                <Button
                  size="small"
                  variant="primary"
                  disabled={busy}
                  onClick={() => (unknown ? setAsking(true) : act('resend'))}
                  data-testid="undelivered-resend"
                >
                  {t('resend')}
                </Button>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => act('dismiss')}
                  data-testid="undelivered-dismiss"
                >
                  {t('dismiss')}
                </Button>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** The rows, for the end of a transcript; `side` is where that transcript puts what we sent. */
export function UndeliveredMessages({ contactId, side }: { contactId: string; side: 'left' | 'right' }) {
  const t = undeliveredMessages.useT();
  const errorText = useErrorText();
  const items = useUndelivered(contactId).data ?? [];
  const canAct = useRoleAtLeast('agent');
  const settle = useSettleUndelivered(contactId);
  if (items.length === 0 && !settle.error) return null;
  return (
    <>
      {items.map((item) => (
        <Row key={item.id} item={item} side={side} canAct={canAct} settle={settle} />
      ))}
      {items.length > 0 && !canAct && <p className="text-center text-xs text-slate-500">{t('viewerOnly')}</p>}
      {settle.error && (
        <p className="text-center text-xs text-rose-600" role="alert">
          {errorText(settle.error)}
        </p>
      )}
    </>
  );
}

/** One line above a transcript that has undelivered messages at its end. */
export function UndeliveredSummary({ contactId }: { contactId: string }) {
  const t = undeliveredMessages.useT();
  const count = useUndelivered(contactId).data?.length ?? 0;
  if (count === 0) return null;
  return (
    <p
      className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-800"
      role="status"
      data-testid="undelivered-summary"
    >
      {t('summary', { count })}
    </p>
  );
}
