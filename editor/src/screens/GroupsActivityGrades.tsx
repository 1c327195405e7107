// Settings: how group members are graded — over the last N days, at least M messages is active, at
// most L a lurker. Owners and admins save it; each group's ranking and filters read it.
import { useEffect, useState } from 'react';
import { DEFAULT_ACTIVITY_GRADES } from '../../../shared/api/rooms.ts';
import { Button, Card, ErrorNote, Input } from '../app/ui.tsx';
import { useRoleAtLeast } from '../queries.ts';
import { usePatchActivityGrades, useWorkspace } from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

export function ActivityGradesCard() {
  const t = groupsMessages.useT();
  const workspace = useWorkspace();
  const save = usePatchActivityGrades();
  const canSave = useRoleAtLeast('admin');
  const stored = workspace.data?.activityGrades ?? DEFAULT_ACTIVITY_GRADES;
  const [form, setForm] = useState({ days: '', active: '', lurker: '' });
  useEffect(
    () =>
      setForm({ days: String(stored.days), active: String(stored.active), lurker: String(stored.lurker) }),
    [stored.days, stored.active, stored.lurker],
  );
  const field = (key: keyof typeof form, text: string, max: number) => (
    <label className="block text-xs font-medium text-slate-600">
      {text}
      <Input
        type="number"
        min={key === 'lurker' ? 0 : 1}
        max={max}
        className="mt-1 block w-32"
        value={form[key]}
        disabled={!canSave}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        data-testid={`grades-${key}`}
      />
    </label>
  );
  return (
    <Card className="mt-6 max-w-3xl space-y-4 p-6">
      <div>
        <h2 className="font-medium text-slate-900">{t('gradesTitle')}</h2>
        <p className="text-sm text-slate-500">{t('gradesHint')}</p>
      </div>
      <div className="flex flex-wrap gap-4">
        {field('days', t('gradesDays'), 90)}
        {field('active', t('gradesActive'), 100_000)}
        {field('lurker', t('gradesLurker'), 100_000)}
      </div>
      {canSave && (
        <div className="flex items-center gap-3">
          <Button
            variant="primary"
            disabled={save.isPending}
            onClick={() =>
              save.mutate({
                days: Number(form.days),
                active: Number(form.active),
                lurker: Number(form.lurker),
              })
            }
            data-testid="grades-save"
          >
            {t('gradesSave')}
          </Button>
          {save.isSuccess && <span className="text-sm text-emerald-700">{t('saved')}</span>}
        </div>
      )}
      <ErrorNote error={save.error} />
    </Card>
  );
}
