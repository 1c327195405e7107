// The canvas's dotted background, drawn like React Flow's <Background variant="dots"> but cheap to pan:
// React Flow moves its pattern's origin on every viewport change, which repaints the whole pane each
// frame. Here the pattern depends on the zoom only, and panning just translates its own compositor
// layer (by the pan modulo one gap), so a pan frame repaints no dots at all.
import { type ReactFlowState, useStore } from '@xyflow/react';

const zoomOf = (s: ReactFlowState) => s.transform[2];
const patternId = (s: ReactFlowState) => `dots-${s.rfId}`;
const mod = (a: number, b: number) => ((a % b) + b) % b;

export function DotGrid(props: { gap: number; size: number; color: string }) {
  const id = useStore(patternId);
  const zoom = useStore(zoomOf);
  // The phase within one gap, in whole hundredths of a pixel so a pan re-renders only when it moves.
  const gap = props.gap * zoom || 1;
  const phaseX = useStore((s) => Math.round(mod(s.transform[0] - gap / 2, gap) * 100) / 100);
  const phaseY = useStore((s) => Math.round(mod(s.transform[1] - gap / 2, gap) * 100) / 100);
  const radius = (props.size * zoom) / 2;
  return (
    <div
      className="react-flow__background pointer-events-none absolute inset-0 overflow-hidden"
      data-testid="rf__background"
    >
      <svg
        aria-hidden="true"
        className="absolute top-0 left-0"
        style={{
          width: `calc(100% + ${2 * gap}px)`,
          height: `calc(100% + ${2 * gap}px)`,
          transform: `translate3d(${phaseX - gap}px, ${phaseY - gap}px, 0)`,
          willChange: 'transform',
        }}
      >
        <pattern id={id} width={gap} height={gap} patternUnits="userSpaceOnUse">
          <circle cx={radius} cy={radius} r={radius} fill={props.color} />
        </pattern>
        <rect width="100%" height="100%" fill={`url(#${id})`} />
      </svg>
    </div>
  );
}
