// One WeChat-style chat bubble: the bot on the left in white, the contact on the right in green.
import { useFlowStore } from '../store.ts';
import { useT } from './messages.ts';

export function Bubble(props: {
  direction: 'in' | 'out';
  text: string;
  nodeId?: string | null;
  pending?: boolean;
}) {
  const { direction, text, nodeId, pending } = props;
  const t = useT();
  const selectNode = useFlowStore((s) => s.selectNode);
  const body =
    'max-w-[78%] whitespace-pre-wrap break-words rounded-md px-3 py-2 text-sm text-slate-900 shadow-sm';
  if (direction === 'in')
    return (
      <div className="flex justify-end" data-testid="sim-bubble-in">
        <div className={`${body} bg-[#95ec69] ${pending ? 'opacity-60' : ''}`}>{text}</div>
      </div>
    );
  return (
    <div className="flex justify-start" data-testid="sim-bubble-out">
      {nodeId ? (
        <button
          type="button"
          className={`${body} bg-white text-left hover:ring-2 hover:ring-emerald-300`}
          title={t('showNode')}
          onClick={() => selectNode(nodeId)}
        >
          {text}
        </button>
      ) : (
        <div className={`${body} bg-white`}>{text}</div>
      )}
    </div>
  );
}
