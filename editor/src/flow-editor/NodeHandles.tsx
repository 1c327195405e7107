// A node's connection points: one target on top (none on triggers), and one labelled source
// handle per port along the bottom, the handle id being the port id that edges store.
import { Handle, Position } from '@xyflow/react';
import { Fragment } from 'react';
import type { Port } from '../../../shared/flow/node-definition.ts';
import type { Lang } from '../i18n.ts';
import { GLYPHS, Icon } from './icons.tsx';
import { useNodeT } from './node-messages.ts';

// While a connection is dragged, React Flow marks the handle under the pointer `connectingto`, and
// `valid` when the connecting rules allow it: red means refused, green accepted.
const HANDLE =
  'size-3! rounded-full! border-2! border-white! bg-slate-400! shadow-sm transition-colors hover:bg-emerald-500! [&.connectingto]:bg-rose-500! [&.connectingto.valid]:bg-emerald-500!';

export function TargetHandle(props: { connectable: boolean }) {
  return (
    <Handle type="target" position={Position.Top} isConnectable={props.connectable} className={HANDLE} />
  );
}

export function PortHandles(props: {
  ports: Port[];
  lang: Lang;
  connectable: boolean;
  counts?: Record<string, number>;
  /** Unconnected ports through which contacts end the flow: each gets an "ends here" mark. */
  ending?: ReadonlySet<string>;
}) {
  const { ports, lang, counts, ending } = props;
  const t = useNodeT();
  // A lone `next` port speaks for itself; several ports (or an unusual one) need their names.
  const labelled = ports.length > 1 || (ports[0] !== undefined && ports[0].id !== 'next');
  return (
    <>
      {labelled && (
        <div className="flex border-t border-slate-100 px-1 py-1.5">
          {ports.map((port) => (
            <span
              key={port.id}
              className="flex-1 truncate px-1 text-center text-[11px] font-medium text-slate-500"
            >
              {port.label[lang]}
              {counts && <span className="ml-1 tabular-nums text-emerald-600">{counts[port.id] ?? 0}</span>}
            </span>
          ))}
        </div>
      )}
      {ports.map((port, i) => {
        const left = `${((i + 0.5) / ports.length) * 100}%`;
        return (
          <Fragment key={port.id}>
            <Handle
              id={port.id}
              type="source"
              position={Position.Bottom}
              isConnectable={props.connectable}
              title={port.label[lang]}
              aria-label={port.label[lang]}
              className={HANDLE}
              style={{ left }}
            />
            {ending?.has(port.id) && (
              <span
                className="pointer-events-none absolute top-full mt-2 flex -translate-x-1/2 items-center gap-0.5 whitespace-nowrap rounded-full bg-white px-1.5 py-px text-[10px] text-slate-500 ring-1 ring-slate-200"
                style={{ left }}
                title={t('endsHereTitle', { port: port.label[lang] })}
                data-testid={`port-end-${port.id}`}
              >
                <Icon d={GLYPHS.stop} className="size-2.5" />
                {t('endsHere')}
              </span>
            )}
          </Fragment>
        );
      })}
    </>
  );
}
