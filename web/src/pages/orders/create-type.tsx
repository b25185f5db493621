import { Alert } from 'antd';
import type { ResolvedType, Taxonomy } from '../../../../common/orders/taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Label = { zh: string; en: string };
interface TypeOption {
  value: string;
  label: string;
  children?: TypeOption[];
}

/** Type → subtype choices of the active taxonomy; a type with subtypes needs one picked. */
export function typeOptions(taxonomy: Taxonomy | undefined, pick: (l: Label) => string) {
  return (taxonomy?.types ?? [])
    .filter((ty) => ty.active)
    .map((ty): TypeOption => {
      const subs = ty.subtypes.filter((s) => s.active);
      return {
        value: ty.code,
        label: pick(ty.name),
        children: subs.length
          ? subs.map((s) => ({ value: s.code, label: pick(s.name) }))
          : undefined,
      };
    });
}

/** Whether the chosen type ends with a callback (回访) before it is archived. */
export function CallbackNote({ resolved }: { resolved: ResolvedType | null }) {
  const { t } = useI18n();
  if (!resolved) return null;
  return (
    <Alert
      type={resolved.callbackRequired ? 'info' : 'success'}
      showIcon
      message={t(resolved.callbackRequired ? 'orders.create.callback' : 'orders.create.noCallback')}
      style={{ marginBottom: 16 }}
      data-testid="create-callback"
    />
  );
}
