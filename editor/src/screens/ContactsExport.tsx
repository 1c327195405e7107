// CSV downloads: the Contacts list's filter as a file, and the same button for a stats table. A plain
// link: the browser streams the file to disk with the session cookie, nothing is held in memory.
import { contactsCsvMessages } from './contacts-csv-messages.ts';

const DOWNLOAD_ICON = 'M12 4v11m0 0-4-4m4 4 4-4M5 20h14';

/** A button-looking link to a CSV endpoint (`path` under /api). */
export function CsvDownload({ path, label }: { path: string; label?: string }) {
  const t = contactsCsvMessages.useT();
  return (
    <a
      href={`/api${path}`}
      download
      className="inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
    >
      <svg
        viewBox="0 0 24 24"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        aria-hidden
      >
        <path d={DOWNLOAD_ICON} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {label ?? t('export')}
    </a>
  );
}

/** The Contacts list's filter (search and tag) as an export link. */
export function ContactsExport({ q, tag }: { q: string; tag: string }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (tag) params.set('tag', tag);
  const query = params.size ? `?${params}` : '';
  return <CsvDownload path={`/contacts/export.csv${query}`} />;
}
