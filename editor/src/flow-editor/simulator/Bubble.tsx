// One WeChat-style chat bubble: the bot on the left in white, the contact on the right in green. A
// picture, voice message… the contact sent shows as its labelled placeholder ("[图片]"), or as the
// picture itself when the archive kept a copy; media the bot sent (an image, a link or mini-program
// card) shows as its card below the text, as WeChat shows the two messages.
import type { ReactNode } from 'react';
import type { TranscriptMedia } from '../../../../shared/api/media.ts';
import { useMessageText } from '../../app/message-kinds.ts';
import { useFlowStore } from '../store.ts';
import { hasCard, MediaCard } from './MediaCard.tsx';
import { useT } from './messages.ts';

export function Bubble(props: {
  direction: 'in' | 'out';
  text: string;
  kind?: string;
  media?: TranscriptMedia | null;
  nodeId?: string | null;
  pending?: boolean;
  /** An image of the message finished loading (the chat grew). */
  onMediaLoad?: () => void;
}) {
  const { direction, nodeId, pending, media, onMediaLoad } = props;
  const t = useT();
  const messageText = useMessageText();
  const selectNode = useFlowStore((s) => s.selectNode);
  const card = hasCard(media) ? media : null;
  const text = card && !props.text ? null : messageText(props);
  const placeholder = text !== props.text ? 'italic text-slate-500' : '';
  const body = `max-w-[78%] whitespace-pre-wrap break-words rounded-md px-3 py-2 text-sm text-slate-900 shadow-sm ${placeholder}`;
  // What the bot sent points at its node: a click selects it on the canvas.
  const node = (className: string, children: ReactNode) =>
    nodeId ? (
      <button
        type="button"
        className={`${className} text-left hover:ring-2 hover:ring-emerald-300`}
        title={t('showNode')}
        onClick={() => selectNode(nodeId)}
      >
        {children}
      </button>
    ) : (
      <div className={className}>{children}</div>
    );
  if (direction === 'in')
    return (
      <div
        className={`flex flex-col items-end gap-1.5 ${pending ? 'opacity-60' : ''}`}
        data-testid="sim-bubble-in"
      >
        {text !== null && <div className={`${body} bg-[#95ec69]`}>{text}</div>}
        {card && <MediaCard media={card} onLoad={onMediaLoad} />}
      </div>
    );
  return (
    <div className="flex flex-col items-start gap-1.5" data-testid="sim-bubble-out">
      {text !== null && node(`${body} bg-white`, text)}
      {card && node('max-w-[78%] rounded-md', <MediaCard media={card} onLoad={onMediaLoad} />)}
    </div>
  );
}
