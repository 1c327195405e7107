// Search hits marked in a text (the group chat's and the inbox's search).

/** The text with every case-insensitive occurrence of `query` marked. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const needle = query.toLowerCase();
  const lower = text.toLowerCase();
  const parts: { text: string; hit: boolean; at: number }[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); needle && at !== -1; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false, at: from });
    parts.push({ text: text.slice(at, at + needle.length), hit: true, at });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false, at: from });
  return (
    <>
      {parts.map((p) =>
        p.hit ? (
          <mark key={p.at} className="rounded bg-amber-100 px-0.5 text-slate-900">
            {p.text}
          </mark>
        ) : (
          <span key={p.at}>{p.text}</span>
        ),
      )}
    </>
  );
}
