// One contact as a row of a PagedTable (a campaign bucket, an insight's contacts): the name (to the
// contact's page) with its alias, what they said, when (in the workspace's time), and "open in
// inbox" — or, for a contact with no conversation yet, whatever the list puts there instead.
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useWorkspaceTime } from './workspace-time.ts';

export interface RowContact {
  id: string;
  name: string;
  alias: string | null;
  conversationId: string | null;
}

export function ContactRow(props: {
  testId: string;
  contact: RowContact;
  /** What the contact said; null: "—". */
  text: string | null;
  /** When they said it; null: "—". */
  at: string | null;
  /** The label of the link to the contact's conversation. */
  openInbox: string;
  /** In place of the link when the contact has no conversation. */
  noConversation: ReactNode;
}) {
  const { contact: c } = props;
  const time = useWorkspaceTime();
  return (
    <tr data-testid={props.testId}>
      <td className="px-4 py-2">
        <Link href={`/contacts/${c.id}`} className="font-medium text-slate-900 hover:text-emerald-700">
          {c.name || '—'}
        </Link>
        {c.alias && <span className="ml-2 text-slate-400">{c.alias}</span>}
      </td>
      <td className="max-w-md truncate px-4 py-2 text-slate-700">{props.text ?? '—'}</td>
      <td className="px-4 py-2 text-xs text-slate-500">{props.at ? time.format(props.at) : '—'}</td>
      <td className="px-4 py-2 text-right">
        {c.conversationId ? (
          <Link
            href={`/inbox/${c.conversationId}`}
            className="text-sm text-emerald-700 hover:underline"
            data-testid="open-in-inbox"
          >
            {props.openInbox}
          </Link>
        ) : (
          props.noConversation
        )}
      </td>
    </tr>
  );
}
