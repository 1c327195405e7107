// Copies a text (a public link) to the clipboard, saying so for two seconds.
import { useState } from 'react';
import { Button } from './ui.tsx';

export function CopyButton(props: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="small"
      onClick={() =>
        navigator.clipboard?.writeText(props.text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          },
          () => setCopied(false),
        )
      }
    >
      {copied ? props.copiedLabel : props.label}
    </Button>
  );
}
