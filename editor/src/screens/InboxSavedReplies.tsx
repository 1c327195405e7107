// Saved replies, managed from the reply box: every reply of the workspace with its shortcut, a form
// to add one (the text may say `{{contact.name}}`), and delete (asked first).
import { useState } from 'react';
import { Button, ErrorNote, fieldClass, Input } from '../app/ui.tsx';
import { Modal } from '../flow-editor/Modal.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useCreateSavedReply, useDeleteSavedReply, useSavedReplies } from './inbox-api.ts';
import { inboxMessages } from './inbox-messages.ts';

export function SavedRepliesDialog({ onClose }: { onClose: () => void }) {
  const t = inboxMessages.useT();
  const replies = useSavedReplies();
  const create = useCreateSavedReply();
  const remove = useDeleteSavedReply();
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  return (
    <Modal title={t('savedReplies')} onClose={onClose} testId="saved-replies-dialog">
      <ErrorNote error={replies.error ?? remove.error} />
      {replies.data?.length === 0 && <p className="mb-3 text-sm text-slate-500">{t('noSavedReplies')}</p>}
      <ul className="mb-4 divide-y divide-slate-100">
        {replies.data?.map((r) => (
          <li key={r.id} className="flex items-start gap-3 py-2" data-testid="saved-reply-row">
            <div className="min-w-0 flex-1">
              <div className="font-mono text-xs text-emerald-700">/{r.shortcut}</div>
              <p className="whitespace-pre-wrap break-words text-sm text-slate-700">{r.text}</p>
            </div>
            <ConfirmButton
              variant="danger"
              label={t('delete')}
              question={t('deleteSavedQuestion')}
              onConfirm={() => remove.mutate(r.id)}
            />
          </li>
        ))}
      </ul>
      <form
        className="space-y-2 rounded-lg bg-slate-50 p-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { shortcut: shortcut.trim().replace(/^\//, ''), text: text.trim() },
            {
              onSuccess: () => {
                setShortcut('');
                setText('');
              },
            },
          );
        }}
      >
        <h3 className="text-sm font-medium text-slate-800">{t('addSaved')}</h3>
        <Input
          size="small"
          className="w-full"
          placeholder={t('shortcutPlaceholder')}
          aria-label={t('shortcut')}
          value={shortcut}
          onChange={(e) => setShortcut(e.target.value)}
          data-testid="saved-reply-shortcut"
        />
        <textarea
          rows={3}
          className={`${fieldClass('small')} block w-full`}
          placeholder={t('savedTextPlaceholder')}
          aria-label={t('savedText')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="saved-reply-text"
        />
        <ErrorNote error={create.error} />
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-slate-500">{t('savedTemplateHint')}</p>
          <Button
            type="submit"
            variant="primary"
            size="small"
            disabled={!shortcut.trim() || !text.trim() || create.isPending}
            data-testid="saved-reply-add"
          >
            {t('add')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
