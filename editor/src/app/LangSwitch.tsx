// Flips the interface between 中文 and English; the choice is kept in localStorage.
import { useLang } from '../i18n.ts';
import { Button } from './ui.tsx';

export function LangSwitch({ className = '' }: { className?: string }) {
  const { lang, setLang } = useLang();
  return (
    <Button
      variant="ghost"
      data-testid="lang-switch"
      className={`whitespace-nowrap ${className}`}
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {lang === 'en' ? '中文' : 'English'}
    </Button>
  );
}
