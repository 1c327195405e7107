// Flips the interface between 中文 and English; the choice is kept in localStorage.
import { useLang } from '../i18n.ts';

export function LangSwitch({ className = '' }: { className?: string }) {
  const { lang, setLang } = useLang();
  return (
    <button
      type="button"
      data-testid="lang-switch"
      className={`whitespace-nowrap rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-900 ${className}`}
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {lang === 'en' ? '中文' : 'English'}
    </button>
  );
}
