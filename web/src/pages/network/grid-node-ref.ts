import { GRID_NODE_KINDS, type GridNodeKind } from '../../../../common/schemas/grid.ts';

/** What identifies a node of the supply network on the page, in the tree and in the URL. */
export interface NodeRef {
  kind: GridNodeKind;
  id: string;
}

/** The tree key of a node: ids are unique per table only, so the kind is part of the key. */
export function nodeKey(ref: NodeRef): string {
  return `${ref.kind}:${ref.id}`;
}

function isKind(value: string | null): value is GridNodeKind {
  return (GRID_NODE_KINDS as readonly (string | null)[]).includes(value);
}

/** The node a tree key stands for, or null for a key that is not one of ours. */
export function parseNodeKey(key: string): NodeRef | null {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  return at > 0 && isKind(kind) ? { kind, id: key.slice(at + 1) } : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The node a deep link (`/network?kind=transformer&id=…`) points at, if it is well-formed. */
export function selectionFromParams(params: URLSearchParams): NodeRef | null {
  const kind = params.get('kind');
  const id = params.get('id');
  return isKind(kind) && id && UUID.test(id) ? { kind, id } : null;
}

/** The kind one level down (substation → feeder → transformer); transformers are leaves. */
export function childKind(kind: GridNodeKind): GridNodeKind | null {
  switch (kind) {
    case 'substation':
      return 'feeder';
    case 'feeder':
      return 'transformer';
    case 'transformer':
      return null;
  }
}
