// "Save as segment": a name and the button, for the builder, the contacts list filter and a
// campaign bucket; tells what was saved, and hands the new segment to the caller.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { Button, ErrorNote, Input } from '../app/ui.tsx';
import { campaignKeys, completeRules, type Rules, type SegmentItem } from './campaigns-api.ts';
import { segmentMessages } from './campaigns-segment-messages.ts';

export function useSaveSegment(onSaved?: (segment: SegmentItem) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; rules: Rules }) => api<SegmentItem>('POST', '/segments', body),
    onSuccess: (segment) => {
      queryClient.invalidateQueries({ queryKey: campaignKeys.segments });
      onSaved?.(segment);
    },
  });
}

export function SaveSegment(props: {
  rules: Rules;
  initialName?: string;
  onSaved?: (s: SegmentItem) => void;
}) {
  const t = segmentMessages.useT();
  const [name, setName] = useState(props.initialName ?? '');
  const save = useSaveSegment(props.onSaved);
  return (
    <div className="flex flex-col items-end gap-1">
      <form
        className="flex items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ name: name.trim(), rules: completeRules(props.rules) });
        }}
      >
        <Input
          aria-label={t('segmentName')}
          placeholder={t('segmentName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="w-48"
        />
        <Button
          type="submit"
          variant="primary"
          disabled={!name.trim() || save.isPending}
          data-testid="save-segment"
        >
          {t('saveAs')}
        </Button>
      </form>
      {save.data && (
        <p className="text-xs text-emerald-700" role="status">
          {t('saved', { name: save.data.name })}
        </p>
      )}
      <ErrorNote error={save.error} />
    </div>
  );
}
