// A button for an action that cannot be taken back (remove, revoke, archive): the first click asks,
// in place, "Remove? [Remove] [Cancel]"; only the second button acts. Escape or Cancel backs out.
// The question is a <form> so a row that opens on click (useRowLink) leaves it alone.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../app/ui.tsx';
import { defineMessages } from '../i18n.ts';

const messages = defineMessages({
  'zh-CN': { cancel: '取消' },
  en: { cancel: 'Cancel' },
});

export function ConfirmButton(props: {
  /** The button's text, also the confirming button's. */
  label: string;
  /** Asked in place of the button, e.g. "Archive this flow?". */
  question: string;
  onConfirm: () => void;
  variant?: 'secondary' | 'danger';
  disabled?: boolean;
  /** data-testid of the confirming button. */
  confirmTestId?: string;
  /** Told when the question opens and closes (a row may hide its other buttons meanwhile). */
  onAsk?: (asking: boolean) => void;
}) {
  const t = messages.useT();
  const [asking, setAskingState] = useState(false);
  const setAsking = (value: boolean) => {
    setAskingState(value);
    props.onAsk?.(value);
  };
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (asking) form.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, [asking]);
  if (!asking)
    return (
      <Button variant={props.variant} disabled={props.disabled} onClick={() => setAsking(true)}>
        {props.label}
      </Button>
    );
  return (
    <form
      ref={form}
      aria-label={props.question}
      className="inline-flex items-center gap-2 whitespace-nowrap"
      onSubmit={(e) => {
        e.preventDefault();
        setAsking(false);
        props.onConfirm();
      }}
      onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
    >
      <span className="text-sm text-slate-700">{props.question}</span>
      <Button type="submit" variant="danger" disabled={props.disabled} data-testid={props.confirmTestId}>
        {props.label}
      </Button>
      <Button onClick={() => setAsking(false)}>{t('cancel')}</Button>
    </form>
  );
}
