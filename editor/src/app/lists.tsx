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
