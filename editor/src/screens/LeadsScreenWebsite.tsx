// "For your website": how a website backend posts a lead (POST /api/leads with an API key), as curl.
import { useState } from 'react';
import { Link } from 'wouter';
import { Button, Card } from '../app/ui.tsx';
import { leadsMessages } from './leads-messages.ts';
import { membersMessages } from './members-messages.ts';

const SAMPLE = { phone: '13800138000', name: '王女士', attributes: { course: '瑜伽体验课' } };

export const curlExample = (origin: string) =>
  [
    `curl -X POST ${origin}/api/leads \\`,
    `  -H 'authorization: Bearer <API key>' \\`,
    `  -H 'content-type: application/json' \\`,
    `  -d '${JSON.stringify(SAMPLE)}'`,
  ].join('\n');

export function LeadsWebsite() {
  const t = leadsMessages.useT();
  const roleName = membersMessages.useT();
  const [copied, setCopied] = useState(false);
  const curl = curlExample(window.location.origin);
  return (
    <Card className="mt-6">
      <details data-testid="leads-website">
        <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium text-slate-700 hover:text-slate-900">
          {t('website')}
        </summary>
        <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
          <p>
            {t('websiteIntro', { role: roleName('marketer') })}{' '}
            <Link href="/members" className="text-emerald-700 hover:underline">
              {t('members')}
            </Link>
          </p>
          <div className="flex items-center justify-between gap-2">
            <code className="text-xs text-slate-500">POST /api/leads</code>
            <Button
              size="small"
              onClick={() =>
                navigator.clipboard?.writeText(curl).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t('copied') : t('copy')}
            </Button>
          </div>
          <pre
            className="overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
            data-testid="leads-curl"
          >
            {curl}
          </pre>
          <p className="text-xs text-slate-500">{t('websiteAnswer')}</p>
        </div>
      </details>
    </Card>
  );
}
