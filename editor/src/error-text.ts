// What went wrong, said to the marketer in their language: an API error by its code and params from
// the catalogue (its English message is for scripts, and shows only for a code this editor does not
// know yet), with the fields a refused request got wrong; a lost connection as one.
import { ROLES, type Role } from '../../shared/roles.ts';
import { ApiError } from './api.ts';
import { CATALOGUES, own } from './catalogue/catalogue.ts';
import { formatMessage } from './catalogue/format.ts';
import { schemaText } from './catalogue/schema-text.ts';
import { type Lang, useLang } from './i18n.ts';
import { membersMessages } from './screens/members-messages.ts';

const roleName = (role: unknown, lang: Lang): unknown =>
  ROLES.includes(role as Role) ? membersMessages.translate(lang, role as Role) : role;

/** `body.limits.messagesPerMinute` → `limits.messagesPerMinute`: where the form put it. */
const fieldOf = (path: string) => path.replace(/^(body|querystring|params)\.?/, '') || path;

/** The error's own sentence, or null when this editor does not know its code (or what it is about). */
function sentence(error: ApiError, lang: Lang): string | null {
  const { api, notFound } = CATALOGUES[lang];
  const template = own(api, error.code);
  if (!template) return null;
  const { params } = error;
  const thing = own(notFound, params.what);
  if (error.code === 'not_found' && !thing) return null;
  return formatMessage(template, {
    ...params,
    role: params.role ?? 'none',
    roleName: roleName(params.role, lang),
    grantName: roleName(params.grant, lang),
    thing: thing && formatMessage(thing, params),
  });
}

export function errorText(error: unknown, lang: Lang): string {
  const { words } = CATALOGUES[lang];
  if (error instanceof ApiError) {
    const message = sentence(error, lang) ?? error.message;
    if (error.details.length === 0) return message;
    const fields = error.details.map((detail) => {
      const problem =
        typeof detail.code === 'string' ? schemaText({ ...detail, code: detail.code }, lang) : detail.message;
      return formatMessage(words.at, { place: fieldOf(detail.path), detail: problem });
    });
    return formatMessage(words.withFields, { message, fields: fields.join(words.fieldSeparator) });
  }
  if (error instanceof TypeError) return words.offline;
  return error instanceof Error ? error.message : String(error);
}

export function useErrorText(): (error: unknown) => string {
  const { lang } = useLang();
  return (error) => errorText(error, lang);
}
