// The group tab's picker: choose one of the sandbox's groups, or create one (it is picked at once).
// The topic field shows when there is no group yet, or on "+".
import { useErrorText } from '../../error-text.ts';
import type { Actions } from './group-outcome.ts';
import { useT } from './messages.ts';
import { PickOrCreate } from './PickOrCreate.tsx';
import type { RoomItem } from './rooms-api.ts';

export function RoomPicker(props: {
  rooms: RoomItem[] | undefined;
  room: RoomItem | null;
  error: unknown;
  create: Actions['create'];
  onPick: (roomId: string) => void;
}) {
  const { rooms, room, create, onPick } = props;
  const t = useT();
  const errorText = useErrorText();
  const none = rooms !== undefined && rooms.length === 0;

  return (
    <PickOrCreate
      label={t('group')}
      value={room?.id ?? ''}
      onPick={onPick}
      disabled={!rooms?.length}
      selectTestId="sim-room-select"
      options={
        <>
          {!rooms?.length && <option value="">{none ? t('noGroups') : '…'}</option>}
          {rooms?.map((r) => (
            <option key={r.id} value={r.id}>
              {t('groupOption', { topic: r.topic, count: r.memberCount, capacity: r.capacity })}
            </option>
          ))}
        </>
      }
      empty={none}
      addLabel={t('newGroup')}
      addTestId="sim-room-add"
      nameLabel={t('groupTopic')}
      nameTestId="sim-room-topic"
      submitTestId="sim-room-create"
      pending={create.isPending}
      onCreate={(topic, created) =>
        create.mutate(topic, {
          onSuccess: ({ id }) => {
            created();
            onPick(id);
          },
        })
      }
      footer={(adding) => (
        <>
          {none && !adding && <p className="text-xs text-slate-500">{t('groupsHint')}</p>}
          {Boolean(create.error || props.error) && (
            <p className="text-xs text-rose-600" role="alert">
              {errorText(create.error ?? props.error)}
            </p>
          )}
        </>
      )}
    />
  );
}
