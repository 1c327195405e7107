// Pieces every list screen shares: "load more" under a keyset-paginated list, and reading a pasted
// list from a text or CSV file.
import { Button } from './ui.tsx';

/** Under a list with more pages: fetches the next one (a react-query infinite query's fields). */
export function LoadMore(props: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
}) {
  if (!props.pages.hasNextPage) return null;
  return (
    <div className="mt-4 text-center">
      <Button onClick={() => props.pages.fetchNextPage()} disabled={props.pages.isFetchingNextPage}>
        {props.label}
      </Button>
    </div>
  );
}

/** A link-styled file picker for a .txt / .csv list: hands the file's text over, then resets. */
export function TextFilePicker(props: { label: string; onText: (text: string) => void }) {
  return (
    <label className="cursor-pointer text-sm text-emerald-700 hover:underline">
      {props.label}
      <input
        type="file"
        accept=".txt,.csv,text/plain,text/csv"
        className="hidden"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          props.onText(await file.text());
          e.target.value = '';
        }}
      />
    </label>
  );
}

/**
 * A paged table of contacts (a campaign bucket, an insight's contacts): its head, a row per contact,
 * an empty note, and "load more" under it.
 */
export function PagedTable(props: {
  testId: string;
  headers: string[];
  empty: string;
  count: number;
  pending: boolean;
  pages: Parameters<typeof LoadMore>[0]['pages'];
  loadMore: string;
  children: React.ReactNode;
}) {
  return (
    <>
      {!props.pending && props.count === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-slate-500">{props.empty}</p>
      ) : (
        <table className="w-full text-sm" data-testid={props.testId}>
          <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
            <tr>
              {props.headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the headers are fixed columns
                <th key={i} className="px-4 py-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{props.children}</tbody>
        </table>
      )}
      <div className="pb-3">
        <LoadMore pages={props.pages} label={props.loadMore} />
      </div>
    </>
  );
}
