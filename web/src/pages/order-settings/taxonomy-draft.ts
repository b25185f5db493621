import type { Taxonomy, TaxonomyNode } from '../../../../common/orders/taxonomy.ts';

/**
 * The taxonomy being edited, as pure functions over plain data: a node is named by its key,
 * `fault` for a type and `fault/hv_fault` for a subtype (subtype codes are unique per type).
 */

type Pick = (label: { zh: string; en: string }) => string;

export function nodeKey(typeCode: string, subtypeCode?: string): string {
  return subtypeCode === undefined ? typeCode : `${typeCode}/${subtypeCode}`;
}

function splitKey(key: string): [string, string | undefined] {
  const [type, sub] = key.split('/');
  return [type ?? '', sub];
}

/** The node a key names, or null. */
export function findNode(taxonomy: Taxonomy, key: string): TaxonomyNode | null {
  const [typeCode, subCode] = splitKey(key);
  const type = taxonomy.types.find((x) => x.code === typeCode);
  if (!type || subCode === undefined) return type ?? null;
  return type.subtypes.find((s) => s.code === subCode) ?? null;
}

/** A copy with one node's settings changed (its code stays: orders refer to it). */
export function updateNode(
  taxonomy: Taxonomy,
  key: string,
  patch: Partial<Omit<TaxonomyNode, 'code'>>,
): Taxonomy {
  const [typeCode, subCode] = splitKey(key);
  return {
    ...taxonomy,
    types: taxonomy.types.map((type) => {
      if (type.code !== typeCode) return type;
      if (subCode === undefined) return { ...type, ...patch };
      return {
        ...type,
        subtypes: type.subtypes.map((s) => (s.code === subCode ? { ...s, ...patch } : s)),
      };
    }),
  };
}

/** A new active subtype without own required fields or limits: it inherits the type's. */
export function addSubtype(
  taxonomy: Taxonomy,
  typeCode: string,
  input: { code: string; zh: string; en: string },
): Taxonomy {
  const node: TaxonomyNode = {
    code: input.code,
    name: { zh: input.zh, en: input.en },
    active: true,
    requiredFields: [],
    callbackRequired: taxonomy.types.find((x) => x.code === typeCode)?.callbackRequired ?? true,
    sla: { clauses: [] },
  };
  return {
    ...taxonomy,
    types: taxonomy.types.map((type) =>
      type.code === typeCode ? { ...type, subtypes: [...type.subtypes, node] } : type,
    ),
  };
}

export function removeSubtype(taxonomy: Taxonomy, typeCode: string, code: string): Taxonomy {
  return {
    ...taxonomy,
    types: taxonomy.types.map((type) =>
      type.code === typeCode
        ? { ...type, subtypes: type.subtypes.filter((s) => s.code !== code) }
        : type,
    ),
  };
}

/**
 * A path of an error's details (`taxonomy.types.0.subtypes.3.code`) in the words of the tree:
 * 故障报修 / 高压故障 · code.
 */
function pathText(path: unknown, taxonomy: Taxonomy, pick: Pick): string {
  const parts = (Array.isArray(path) ? path.map(String) : String(path).split(/[./]/)).filter(
    (p) => p !== '' && p !== 'taxonomy',
  );
  if (parts[0] !== 'types') return parts.join('.');
  const type = taxonomy.types[Number(parts[1])];
  if (!type) return parts.join('.');
  const names = [pick(type.name)];
  let rest = parts.slice(2);
  if (rest[0] === 'subtypes') {
    const sub = type.subtypes[Number(rest[1])];
    if (sub) names.push(pick(sub.name));
    rest = sub ? rest.slice(2) : rest;
  }
  return [names.join(' / '), ...(rest.length > 0 ? [rest.join('.')] : [])].join(' · ');
}

/** An error's details as lines to show: `where: what`, whatever shape the server sent. */
export function detailLines(details: unknown, taxonomy: Taxonomy, pick: Pick): string[] {
  if (details === undefined || details === null) return [];
  if (typeof details === 'string') return [details];
  if (Array.isArray(details)) {
    return details.flatMap((d: unknown) => {
      if (d && typeof d === 'object' && 'message' in d) {
        const { path, message } = d as { path?: unknown; message: unknown };
        const where = path === undefined ? '' : pathText(path, taxonomy, pick);
        return [where ? `${where}: ${String(message)}` : String(message)];
      }
      return detailLines(d, taxonomy, pick);
    });
  }
  if (typeof details === 'object') {
    const inner = (details as { issues?: unknown }).issues;
    if (inner !== undefined) return detailLines(inner, taxonomy, pick);
  }
  return [JSON.stringify(details)];
}
