// A centred dialog over a dimmed page; Escape and the backdrop close it.
import { type ReactNode, useEffect } from 'react';
import { IconButton } from '../app/ui.tsx';
import { GLYPHS } from './icons.tsx';
import { useT } from './messages.ts';

export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  const t = useT();
  const { onClose } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center p-4">
      <button
        type="button"
        aria-label={t('close')}
        className="absolute inset-0 bg-slate-900/30 backdrop-blur-[1px]"
        onClick={onClose}
      />
      <div
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        className="relative flex max-h-[85vh] w-full max-w-lg flex-col overflow-hidden rounded-2xl bg-white shadow-2xl ring-1 ring-slate-200"
      >
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3.5">
          <h2 className="text-base font-semibold text-slate-900">{props.title}</h2>
          <IconButton icon={GLYPHS.close} title={t('close')} onClick={onClose} />
        </div>
        <div className="overflow-y-auto px-5 py-4">{props.children}</div>
        {props.footer && (
          <div className="flex justify-end gap-2 border-t border-slate-100 bg-slate-50 px-5 py-3">
            {props.footer}
          </div>
        )}
      </div>
    </div>
  );
}
