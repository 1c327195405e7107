// A node's connection points: one target on top (none on triggers), and one labelled source
// handle per port along the bottom, the handle id being the port id that edges store.
import { Handle, Position } from '@xyflow/react';
import type { Port } from '../../../shared/flow/node-definition.ts';
import type { Lang } from '../i18n.ts';

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
}) {
  const { ports, lang, counts } = props;
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
      {ports.map((port, i) => (
        <Handle
          key={port.id}
          id={port.id}
          type="source"
          position={Position.Bottom}
          isConnectable={props.connectable}
          title={port.label[lang]}
          aria-label={port.label[lang]}
          className={HANDLE}
          style={{ left: `${((i + 0.5) / ports.length) * 100}%` }}
        />
      ))}
    </>
  );
}
