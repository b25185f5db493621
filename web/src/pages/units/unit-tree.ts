import { levelFitsUnder } from '../../../../common/org-levels.ts';
import type { Unit } from '../../../../common/schemas/units.ts';

export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/**
 * Nests the flat list (parents come first). A unit whose parent is outside the caller's scope
 * becomes a root: a county administrator's tree starts at their county.
 */
export function buildTree(units: readonly Unit[]): UnitNode[] {
  const byId = new Map<string, UnitNode>();
  const roots: UnitNode[] = [];
  for (const u of units) byId.set(u.id, { ...u });
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of a unit and everything under it. */
export function subtreeIds(units: readonly Unit[], id: string): Set<string> {
  const ids = new Set([id]);
  for (const u of units) if (u.parentId && ids.has(u.parentId)) ids.add(u.id);
  return ids;
}

export interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: TreeOption[];
}

/** Tree-select options; `selectable` decides which units may be picked. */
export function treeOptions(
  nodes: readonly UnitNode[],
  selectable: (u: Unit) => boolean,
): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.active ? n.name : `${n.name} ⊘`,
    disabled: !selectable(n),
    children: n.children ? treeOptions(n.children, selectable) : undefined,
  }));
}

/** Where a unit may move: active units outside its own subtree whose level can hold it. */
export function canMoveUnder(units: readonly Unit[], unit: Unit): (parent: Unit) => boolean {
  const own = subtreeIds(units, unit.id);
  return (p) =>
    p.active && !own.has(p.id) && p.id !== unit.parentId && levelFitsUnder(unit.level, p.level);
}
