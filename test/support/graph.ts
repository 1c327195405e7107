// Flow graphs written in tests: a card at the origin, an edge from a card's port.
export const card = (id: string, type: string, data: object) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
export const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});
