// The minimap: one path per category colour drawn from the flow store's nodes, under a mask that
// follows React Flow's viewport; panning and zooming on it go through @xyflow/system's XYMinimap,
// as React Flow's own <MiniMap> does. Ours costs the same for 5 nodes or 500: React Flow's draws
// each node as its own subscribed component, so every frame of a pan or drag re-ran 500 selectors
// and repainted 500 rects. Here only the mask moves while panning, on a layer of its own, and a
// dragged node moves on the minimap when it is dropped.
import { Panel, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { getBoundsOfRects, type Rect, XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { useEffect, useMemo, useRef } from 'react';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import type { CanvasNode } from './canvas-document.ts';
import { CATEGORY_STYLES, UNKNOWN_STYLE } from './categories.ts';
import { FALLBACK_HEIGHT, NODE_WIDTH } from './layout.ts';
import { useT } from './messages.ts';
import { useFlowStore } from './store.ts';

/** A laptop's canvas (under 900 px wide) gets a smaller minimap, so it hides fewer cards. */
const minimapSize = (canvasWidth: number) =>
  canvasWidth < 900 ? { mapWidth: 150, mapHeight: 112 } : { mapWidth: 200, mapHeight: 150 };
/** Margin around the drawing, in minimap pixels. */
const OFFSET = 5;

const colorOf = (type: string | undefined) => {
  const definition = type ? nodeRegistry.get(type) : undefined;
  return (definition ? CATEGORY_STYLES[definition.category] : UNKNOWN_STYLE).color;
};

/** The nodes as one SVG path per colour, and the rectangle that holds them all. */
export function minimapShapes(nodes: readonly CanvasNode[]) {
  const paths = new Map<string, string[]>();
  let bounds: Rect | null = null;
  for (const node of nodes) {
    const { x, y } = node.position;
    const width = node.measured?.width ?? NODE_WIDTH;
    const height = node.measured?.height ?? FALLBACK_HEIGHT;
    const color = colorOf(node.type);
    const parts = paths.get(color) ?? [];
    parts.push(`M${x},${y}h${width}v${height}h${-width}z`);
    paths.set(color, parts);
    const rect = { x, y, width, height };
    bounds = bounds ? getBoundsOfRects(bounds, rect) : rect;
  }
  return { paths: [...paths].map(([color, parts]) => ({ color, d: parts.join('') })), bounds };
}

const viewOf = (s: ReactFlowState) => {
  const [tx, ty, zoom] = s.transform;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
};
const sameRect = (a: Rect, b: Rect) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function FlowMiniMap() {
  const t = useT();
  const nodes = useFlowStore((s) => s.nodes);
  const { paths, bounds } = useMemo(() => minimapShapes(nodes), [nodes]);
  const view = useStore(viewOf, sameRect);
  const panZoom = useStore((s) => s.panZoom);
  const translateExtent = useStore((s) => s.translateExtent);
  const flowWidth = useStore((s) => s.width);
  const flowHeight = useStore((s) => s.height);
  const store = useStoreApi();
  const { mapWidth, mapHeight } = minimapSize(flowWidth);
  const svg = useRef<SVGSVGElement>(null);
  const minimap = useRef<XYMinimapInstance | null>(null);

  // The same fitting as React Flow's minimap: everything drawn and the view, centred, with a margin.
  const box = bounds ? getBoundsOfRects(bounds, view) : view;
  const scale = Math.max(box.width / mapWidth, box.height / mapHeight);
  const offset = OFFSET * scale;
  const width = scale * mapWidth + offset * 2;
  const height = scale * mapHeight + offset * 2;
  const x = box.x - (scale * mapWidth - box.width) / 2 - offset;
  const y = box.y - (scale * mapHeight - box.height) / 2 - offset;
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const instance = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => scaleRef.current,
    });
    minimap.current = instance;
    return () => {
      instance.destroy();
      minimap.current = null;
    };
  }, [panZoom, store]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new instance (new panZoom) needs the settings too
  useEffect(() => {
    minimap.current?.update({
      translateExtent,
      width: flowWidth,
      height: flowHeight,
      pannable: true,
      zoomable: true,
    });
  }, [translateExtent, flowWidth, flowHeight, panZoom]);

  const viewBox = `${x} ${y} ${width} ${height}`;
  return (
    <Panel
      position="bottom-right"
      className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="minimap"
    >
      <svg
        ref={svg}
        width={mapWidth}
        height={mapHeight}
        viewBox={viewBox}
        role="img"
        aria-label={t('minimap')}
        className="block cursor-grab"
      >
        {paths.map((path) => (
          <path key={path.color} d={path.d} fill={path.color} />
        ))}
      </svg>
      {/* The mask on its own layer: a pan redraws one path, not every node. Its outer edge lies beyond
          the drawing, so only the view's outline shows a stroke. */}
      <svg
        width={mapWidth}
        height={mapHeight}
        viewBox={viewBox}
        className="pointer-events-none absolute inset-0 will-change-transform"
        aria-hidden
      >
        <path
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
            M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          fill="rgba(241, 245, 249, 0.75)"
          stroke="#94a3b8"
          strokeWidth={scale}
        />
      </svg>
    </Panel>
  );
}
