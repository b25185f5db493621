import type { KnowledgeCategory } from '../../../../common/schemas/knowledge.ts';

export interface CategoryNode {
  key: string;
  value: string;
  title: string;
  children: CategoryNode[];
}

/** The flat category list as a tree (antd Tree and TreeSelect data), in display order. */
export function categoryTree(items: KnowledgeCategory[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const c of items) nodes.set(c.id, { key: c.id, value: c.id, title: c.name, children: [] });
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
