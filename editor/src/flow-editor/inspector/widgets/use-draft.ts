// Local text for an input whose stored value cannot hold every keystroke ("1.", "-", an empty number).
import { useState } from 'react';

/**
 * The draft follows the stored value whenever that value changes to something the draft does not
 * already mean; otherwise the user's text stays as typed.
 */
export function useDraft<D>(value: unknown, read: (value: unknown) => D, means: (draft: D) => unknown) {
  const [draft, setDraft] = useState(() => read(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(means(draft), value)) setDraft(read(value));
  }
  return [draft, setDraft] as const;
}
