// Lint rules about groups: a `send` into the run's group that some run reaches without one
// (`room_without_room`), a room set the workspace does not have (`unknown_room_set`, only when
// the caller says which sets it has) and one with fewer than 50 seats left (`room_set_low_seats`).

import type { FlowModel, ModelNode } from './analyze.ts';
import type { Issue } from './issues.ts';
import { placeOf } from './places.ts';

/** What the lint may know of the workspace; absent parts are not checked. */
export type LintContext = {
  /** Names of the workspace's room sets: a node naming another one gets `unknown_room_set`. */
  roomSets?: readonly string[];
  /** Seats left in each set's open groups: a set below `LOW_SEATS_LINT` gets `room_set_low_seats`. */
  seatsLeft?: Readonly<Record<string, number>>;
};

/** The lint's view of a workspace's room sets (the server's list of them, or the editor's). */
export const roomSetContext = (sets: readonly { name: string; seatsLeft: number }[]): LintContext => ({
  roomSets: sets.map((set) => set.name),
  seatsLeft: Object.fromEntries(sets.map((set) => [set.name, set.seatsLeft])),
});

/** Fewer seats than this left in a set a flow invites into is a warning (the Groups screen's too). */
export const LOW_SEATS_LINT = 50;

/**
 * Nodes a run can reach without a group: from the triggers that give none, along every port but the
 * ones a run leaves in the group it joined (`roomPorts`). A run keeps its group once it has one.
 */
function reachedWithoutRoom(model: FlowModel): Set<string> {
  const roomless = (node: ModelNode) =>
    node.definition?.trigger !== undefined && node.data && !node.definition.trigger.givesRoom?.(node.data);
  const reached = new Set(model.nodes.filter(roomless).map((node) => node.id));
  const queue = [...reached];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const roomPorts = model.byId.get(id)?.definition?.roomPorts ?? [];
    for (const [port, target] of model.links.get(id) ?? []) {
      if (roomPorts.includes(port) || reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  return reached;
}

function roomWithoutRoom(model: FlowModel): Issue[] {
  const reached = reachedWithoutRoom(model);
  return model.nodes.flatMap(({ id: nodeId, type, definition, data }) => {
    if (!definition?.needsRoom || !data || !reached.has(nodeId)) return [];
    return definition.needsRoom(data).map((path) => {
      const place = placeOf(definition, type, path);
      const message = `${place.text}: posts in the run's group, but a run can get here that is in no group: start the flow with a group trigger or invite the contact to a group before`;
      return { code: 'room_without_room' as const, message, params: place.params, nodeId, path };
    });
  });
}

/** Every room set a node names, with where, to check against the workspace's sets. */
function roomSetIssues(model: FlowModel, context: LintContext): Issue[] {
  const names = context.roomSets ? new Set(context.roomSets) : null;
  return model.nodes.flatMap(({ id: nodeId, type, definition, data }) => {
    if (!definition?.roomSets || !data) return [];
    return definition.roomSets(data).flatMap(({ path, name, invites }): Issue[] => {
      const place = placeOf(definition, type, path);
      if (names && !names.has(name))
        return [
          {
            code: 'unknown_room_set',
            message: `${place.text}: the workspace has no room set \`${name}\``,
            params: { ...place.params, roomSet: name },
            nodeId,
            path,
          },
        ];
      const seats = context.seatsLeft?.[name];
      if (!invites || seats === undefined || seats >= LOW_SEATS_LINT) return [];
      return [
        {
          code: 'room_set_low_seats',
          message: `${place.text}: the room set \`${name}\` has ${seats} seats left: add a group to it`,
          params: { ...place.params, roomSet: name, seats },
          nodeId,
          path,
        },
      ];
    });
  });
}

export function roomIssues(model: FlowModel, context: LintContext): Issue[] {
  return [...roomWithoutRoom(model), ...roomSetIssues(model, context)];
}
