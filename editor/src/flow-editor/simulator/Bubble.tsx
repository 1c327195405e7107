// One WeChat-style chat bubble: the bot on the left in white, the contact on the right in green. A
// picture, voice message… the contact sent shows as its labelled placeholder ("[图片]").
import { useMessageText } from '../../app/message-kinds.ts';
import { useFlowStore } from '../store.ts';
import { useT } from './messages.ts';

export function Bubble(props: {
  direction: 'in' | 'out';
  text: string;
  kind?: string;
  nodeId?: string | null;
  pending?: boolean;
}) {
  const { direction, nodeId, pending } = props;
  const t = useT();
  const messageText = useMessageText();
  const selectNode = useFlowStore((s) => s.selectNode);
  const text = messageText(props);
  const placeholder = text !== props.text ? 'italic text-slate-500' : '';
  const body = `max-w-[78%] whitespace-pre-wrap break-words rounded-md px-3 py-2 text-sm text-slate-900 shadow-sm ${placeholder}`;
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
