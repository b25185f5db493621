import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../../common/errors.ts';
import type {
  DataImport,
  DataImportList,
  ExportCustomersQuery,
  ImportKind,
  ImportMode,
} from '../../../common/schemas/imports.ts';
import { api, ApiError } from './client.ts';

export const importsKey = ['imports'] as const;

// The same words as client.ts uses when the server cannot be reached.
const NETWORK_MESSAGE: Record<Lang, string> = {
  zh: '无法连接服务器，请检查网络后重试。',
  en: 'Cannot reach the server; check the network and try again.',
};

/** An import still moving; the list is polled while any is. */
export function isImportActive(imp: DataImport): boolean {
  return imp.status === 'queued' || imp.status === 'running';
}

export interface ImportListFilter {
  kind?: ImportKind;
  page: number;
  pageSize: number;
}

/** The imports, newest first; refreshed every second while one of them is queued or running. */
export function useImports(filter: ImportListFilter) {
  return useQuery({
    queryKey: [...importsKey, filter],
    queryFn: () => api<DataImportList>('GET', '/api/imports', { query: { ...filter } }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some(isImportActive) === true ? 1000 : false,
  });
}

export interface UploadInput {
  kind: ImportKind;
  mode: ImportMode;
  file: File;
  /** The session's CSRF token (from /api/me); every write must carry it. */
  csrfToken: string | null;
  /** One per picked file: a retry of the same upload gets the first import back, not a second. */
  idempotencyKey: string;
  lang: Lang;
}

/**
 * Sends the file as multipart/form-data. `api()` speaks JSON only, so this is a separate,
 * minimal fetch that sends the same CSRF and language headers and reads errors the same way.
 */
async function upload(input: UploadInput): Promise<DataImport> {
  const form = new FormData();
  // The fields go before the file: the server reads the stream in order.
  form.append('kind', input.kind);
  form.append('mode', input.mode);
  form.append('file', input.file, input.file.name);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': input.lang === 'zh' ? 'zh-CN' : 'en',
  };
  if (input.csrfToken) headers['x-csrf-token'] = input.csrfToken;
  headers['idempotency-key'] = input.idempotencyKey;
  let res: Response;
  try {
    res = await fetch('/api/imports', {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE[input.lang]);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    const e = body?.error;
    if (e?.code && e.message) throw new ApiError(res.status, e.code, e.message, e.details);
    throw new ApiError(res.status, `HTTP_${res.status}`, `HTTP ${res.status} ${res.statusText}`);
  }
  return (await res.json()) as DataImport;
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: upload,
    onSettled: () => qc.invalidateQueries({ queryKey: importsKey }),
  });
}

/** The blank .xlsx with the headers an import expects. */
export function templateUrl(kind: ImportKind): string {
  return `/api/imports/templates/${kind}`;
}

/** The CSV of every rejected row of an import. */
export function errorReportUrl(id: string): string {
  return `/api/imports/${id}/errors`;
}

/** The customer export (.xlsx) for the filters; a plain link, the session cookie authorises it. */
export function customerExportUrl(filter: ExportCustomersQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `/api/exports/customers?${s}` : '/api/exports/customers';
}
