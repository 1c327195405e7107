// Contacts from a CSV file: pick the account and the file, read the dry run's preview (mapping, first
// rows, errors by line), then confirm — the same file is sent again for real.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { botSchema } from '../../../shared/api/bots.ts';
import type { ContactsImportResult } from '../../../shared/api/contacts-csv.ts';
import { ApiError, api } from '../api.ts';
import { Button, Card, ErrorNote, Select } from '../app/ui.tsx';
import { ContactsImportPreview } from './ContactsImportPreview.tsx';
import { contactsCsvMessages } from './contacts-csv-messages.ts';

type Bot = z.infer<typeof botSchema>;
type FileReason = 'empty' | 'spreadsheet' | 'utf16' | 'encoding' | 'no_identity_column' | 'too_many_rows';

const send = (accountId: string, file: File, dryRun: boolean) =>
  api<ContactsImportResult>(
    'POST',
    `/contacts/import?accountId=${accountId}${dryRun ? '&dryRun=1' : ''}`,
    // Windows calls a .csv file application/vnd.ms-excel: say what it is.
    new Blob([file], { type: 'text/csv' }),
  );

/** A refused file in the import's own words (its `reason`); any other error as the catalogue says it. */
function FileError({ error }: { error: unknown }) {
  const t = contactsCsvMessages.useT();
  if (error instanceof ApiError && error.code === 'unprocessable' && typeof error.params.reason === 'string')
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
        {t(`file_${error.params.reason as FileReason}`, error.params as Record<string, number>)}
      </p>
    );
  return <ErrorNote error={error} />;
}

export function ContactsImport({ onClose }: { onClose: () => void }) {
  const t = contactsCsvMessages.useT();
  const queryClient = useQueryClient();
  const bots = useQuery({ queryKey: ['bots'], queryFn: () => api<Bot[]>('GET', '/bots') });
  const [picked, setPicked] = useState('');
  const accountId = picked || bots.data?.[0]?.id || '';
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => send(accountId, f, true) });
  const run = useMutation({
    mutationFn: () => send(accountId, file!, false),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contacts'] }),
  });
  const result = run.data ?? preview.data;
  const choose = (f: File | null) => {
    setFile(f);
    run.reset();
    preview.reset();
  };
  // The preview is of the file for the chosen account: asked once both are known (a file chosen while
  // the accounts load waits for them), and again when the account changes (its contacts match rows).
  const { mutate: previewFile } = preview;
  useEffect(() => {
    if (file && accountId) previewFile(file);
  }, [file, accountId, previewFile]);
  return (
    <Card className="mb-4 space-y-4 p-4">
      <div>
        <h2 className="font-semibold text-slate-900">{t('importTitle')}</h2>
        <p className="text-sm text-slate-500">{t('importHint')}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-xs text-slate-500">
          {t('account')}
          <Select className="mt-1 block w-56" value={accountId} onChange={(e) => setPicked(e.target.value)}>
            {bots.data?.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-xs text-slate-500">
          {t('pickFile')}
          <input
            type="file"
            accept=".csv,text/csv"
            disabled={!accountId}
            className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
        </label>
      </div>
      {preview.isPending && <p className="text-sm text-slate-500">{t('reading')}</p>}
      <FileError error={preview.error ?? run.error} />
      {result && (
        <>
          <p className="font-medium text-slate-800">
            {t(run.data ? 'done' : 'summary', {
              rows: result.rows,
              imported: result.imported,
              updated: result.updated,
              errors: result.errorCount,
            })}
          </p>
          <ContactsImportPreview result={result} />
        </>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{run.data ? t('close') : t('cancel')}</Button>
        {preview.data && !run.data && (
          <Button
            variant="primary"
            disabled={run.isPending || preview.data.imported + preview.data.updated === 0}
            onClick={() => run.mutate()}
          >
            {t('confirm', { count: preview.data.imported + preview.data.updated })}
          </Button>
        )}
      </div>
    </Card>
  );
}
