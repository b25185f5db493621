/** Knowledge categories: a tree per unit, read by everyone who sees the unit's knowledge. */
import type {
  CreateKnowledgeCategoryInput,
  KnowledgeCategory,
  KnowledgeCategoryList,
  UpdateKnowledgeCategoryInput,
} from '../../../../common/schemas/knowledge.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { KnowledgeError } from '../errors.js';
import {
  categoryById,
  insertCategory,
  siblingNamed,
  updateCategory as updateRow,
  visibleCategories,
  type CategoryRow,
} from '../store/categories.js';
import { homeUnit, ownsArea, viewerOf, type KnowledgeCtx, type ReadCtx } from './context.js';

/** Whether a category (by its unit's path) is visible to the person. */
export function visibleTo(actor: Actor, unitPath: string): boolean {
  const v = viewerOf(actor);
  return unitPath.startsWith(v.prefix) || v.unitPath.startsWith(unitPath);
}

const present = (c: CategoryRow): KnowledgeCategory => ({
  id: c.id,
  parentId: c.parent_id,
  name: c.name,
  position: c.position,
  articles: c.articles,
  version: c.version,
});

export async function listCategories(ctx: ReadCtx): Promise<KnowledgeCategoryList> {
  authorize(ctx.actor, 'knowledge.view');
  const rows = await visibleCategories(ctx.tx, viewerOf(ctx.actor), ctx.now);
  return { items: rows.map(present) };
}

/** The category and every category below it (a filter on a category covers its subtree). */
export async function categorySubtree(ctx: ReadCtx, id: string): Promise<string[]> {
  const rows = await visibleCategories(ctx.tx, viewerOf(ctx.actor), ctx.now);
  if (!rows.some((r) => r.id === id)) throw new KnowledgeError('KNOWLEDGE_CATEGORY_NOT_FOUND');
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const r of rows) if (r.parent_id === out[i]) out.push(r.id);
  }
  return out;
}

async function editableCategory(ctx: KnowledgeCtx, id: string, lock = false) {
  const c = await categoryById(ctx.tx, id, lock);
  if (!c || !ownsArea(ctx.actor, c.unit_path))
    throw new KnowledgeError('KNOWLEDGE_CATEGORY_NOT_FOUND');
  return c;
}

async function fetchOne(ctx: ReadCtx, id: string): Promise<KnowledgeCategory> {
  const rows = await visibleCategories(ctx.tx, viewerOf(ctx.actor), ctx.now);
  return present(rows.find((r) => r.id === id)!);
}

export async function createCategory(
  ctx: KnowledgeCtx,
  input: CreateKnowledgeCategoryInput,
): Promise<KnowledgeCategory> {
  authorize(ctx.actor, 'knowledge.edit');
  const parentId = input.parentId ?? null;
  let unit = await homeUnit(ctx);
  if (parentId !== null) {
    const parent = await editableCategory(ctx, parentId);
    unit = { ...unit, id: parent.org_id, path: parent.unit_path, province_id: parent.province_id };
  }
  if (await siblingNamed(ctx.tx, unit.id, parentId, input.name))
    throw new KnowledgeError('KNOWLEDGE_CATEGORY_EXISTS');
  const id = newId();
  await insertCategory(ctx.tx, {
    id,
    parent_id: parentId,
    name: input.name,
    position: input.position ?? 0,
    org_id: unit.id,
    unit_path: unit.path,
    province_id: unit.province_id,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: 'knowledge_category.create',
      entityType: 'knowledge_category',
      entityId: id,
      after: { name: input.name, parentId, position: input.position ?? 0 },
      orgId: unit.id,
      provinceId: unit.province_id,
    },
  );
  return fetchOne(ctx, id);
}

export async function updateCategory(
  ctx: KnowledgeCtx,
  id: string,
  input: UpdateKnowledgeCategoryInput,
): Promise<KnowledgeCategory> {
  authorize(ctx.actor, 'knowledge.edit');
  const c = await editableCategory(ctx, id, true);
  if (c.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const parentId = input.parentId === undefined ? c.parent_id : input.parentId;
  if (parentId !== null && parentId !== c.parent_id) {
    const parent = await editableCategory(ctx, parentId);
    if (parent.org_id !== c.org_id) throw new KnowledgeError('KNOWLEDGE_CATEGORY_NOT_FOUND');
    // Walk up from the new parent: meeting this category means a cycle.
    let at: string | null = parent.id;
    while (at !== null) {
      if (at === id) throw new KnowledgeError('KNOWLEDGE_CATEGORY_CYCLE');
      at = (await categoryById(ctx.tx, at))?.parent_id ?? null;
    }
  }
  const name = input.name ?? c.name;
  if (name !== c.name || parentId !== c.parent_id) {
    const twin = await siblingNamed(ctx.tx, c.org_id, parentId, name);
    if (twin && twin.id !== id) throw new KnowledgeError('KNOWLEDGE_CATEGORY_EXISTS');
  }
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
  };
  await updateRow(ctx.tx, id, patch, ctx.now);
  await recordAudit(
    ctx.tx,
    { actor: ctx.actor, meta: ctx.meta },
    {
      action: 'knowledge_category.update',
      entityType: 'knowledge_category',
      entityId: id,
      before: { name: c.name, parentId: c.parent_id, position: c.position },
      after: { name, parentId, position: input.position ?? c.position },
      orgId: c.org_id,
      provinceId: c.province_id,
    },
  );
  return fetchOne(ctx, id);
}
