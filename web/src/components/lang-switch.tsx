import { Segmented } from 'antd';
import type { Lang } from '../../../common/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

// Each language is named in itself, so a reader of either can find their own.
const OPTIONS: { value: Lang; label: string }[] = [
  { value: 'zh', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LangSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      size="small"
      value={lang}
      options={OPTIONS}
      onChange={setLang}
    />
  );
}
