// Times the way the workspace counts them: in its time zone (Settings), in the page's language.
import { type Lang, useLang } from '../i18n.ts';
import { useSession } from '../queries.ts';

const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** "2025年1月1日周三 08:00" / "Wed, Jan 1, 2025, 08:00"; a zone the browser does not know is left out. */
export function formatInZone(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(lang, { ...OPTIONS, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(lang, OPTIONS).format(date);
  }
}

/** The workspace's time zone, and a formatter for times in it. */
export function useWorkspaceTime(): { zone: string | undefined; format: (iso: string) => string } {
  const { lang } = useLang();
  const zone = useSession().data?.workspace.timeZone;
  return { zone, format: (iso) => formatInZone(iso, lang, zone) };
}
