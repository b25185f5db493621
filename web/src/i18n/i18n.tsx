import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../../common/errors.ts';
import { setApiLang } from '../api/client.ts';
import { en } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

const STORAGE_KEY = 'lianxin.lang';
const DICTIONARIES = { zh, en } as const;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Picks the entry of a `{zh, en}` label (roles, unit levels …). */
  pick: (label: { zh: string; en: string }) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function apply(lang: Lang): void {
  setApiLang(lang);
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** Holds the UI language: Simplified Chinese unless the user picked English. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    apply(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    apply(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    return {
      lang,
      setLang,
      t: (key, vars) =>
        vars
          ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m))
          : dict[key],
      pick: (label) => label[lang],
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
