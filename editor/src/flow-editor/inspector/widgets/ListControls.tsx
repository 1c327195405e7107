// Buttons of list widgets: add below the list; move and remove beside each item.
import { Button } from '../../../app/ui.tsx';
import { useInspectorT } from '../messages.ts';
import { Icon } from './icons.tsx';

export function AddButton(props: { label?: string; disabled: boolean; onClick: () => void }) {
  const t = useInspectorT();
  return (
    <Button variant="ghost" size="small" disabled={props.disabled} onClick={props.onClick}>
      <Icon name="plus" />
      {props.label ?? t('add')}
    </Button>
  );
}

/** A move or remove button beside an item; `label` is its accessible name. */
function ItemButton(props: {
  icon: 'up' | 'down' | 'remove';
  label: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      variant="ghost"
      size="compactIcon"
      aria-label={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
    </Button>
  );
}

/** `item` names the item for screen readers ("Choices 2"); `onMove` adds up/down buttons. */
export function ItemButtons(props: {
  item: string;
  index: number;
  count: number;
  canRemove: boolean;
  disabled: boolean;
  onRemove: () => void;
  onMove?: (to: number) => void;
}) {
  const { item, index, count, canRemove, disabled, onRemove, onMove } = props;
  const t = useInspectorT();
  return (
    <span className="flex shrink-0">
      {onMove && (
        <>
          <ItemButton
            icon="up"
            label={t('moveUp', { item })}
            disabled={disabled || index === 0}
            onClick={() => onMove(index - 1)}
          />
          <ItemButton
            icon="down"
            label={t('moveDown', { item })}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(index + 1)}
          />
        </>
      )}
      <ItemButton
        icon="remove"
        label={t('remove', { item })}
        disabled={disabled || !canRemove}
        onClick={onRemove}
      />
    </span>
  );
}

/** Copy-on-write list edits. */
export const listEdit = {
  set: <T,>(list: readonly T[], index: number, item: T): T[] =>
    list.map((old, i) => (i === index ? item : old)),
  remove: <T,>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index),
  move: <T,>(list: readonly T[], from: number, to: number): T[] => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item as T);
    return next;
  },
};
