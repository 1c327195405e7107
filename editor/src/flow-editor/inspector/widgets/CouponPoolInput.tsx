// `couponPool` fields: a pool name, suggesting the workspace's pools and saying how many codes the
// chosen one has left, or that no pool has that name (the node would always take `exhausted`).
import { Link } from 'wouter';
import { useCouponPools } from '../../../queries.ts';
import { useInspectorT } from '../messages.ts';
import { inputClass } from '../styles.ts';
import { hasError, type WidgetProps } from './types.ts';

export function CouponPoolInput(props: WidgetProps) {
  const { id, value, errors, onChange, disabled } = props;
  const t = useInspectorT();
  const pools = useCouponPools({ retry: false, staleTime: 30_000 });
  const name = typeof value === 'string' ? value : '';
  const pool = pools.data?.find((p) => p.name === name.trim());
  const left = pool ? pool.total - pool.issued : 0;
  return (
    <>
      <input
        id={id}
        disabled={disabled}
        type="text"
        list={`${id}-pools`}
        autoComplete="off"
        className={inputClass}
        value={name}
        aria-invalid={hasError(errors) || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={`${id}-pools`}>
        {pools.data?.map((p) => (
          <option key={p.name} value={p.name} />
        ))}
      </datalist>
      {pools.data && name.trim() !== '' && (
        <p
          className={`mt-1 text-xs leading-snug ${pool && left > 0 ? 'text-slate-500' : 'text-amber-600'}`}
          data-testid="coupon-pool-status"
        >
          {!pool ? (
            <>
              {t('poolMissing', { name: name.trim() })}{' '}
              <Link href="/coupons" className="font-medium text-emerald-700 underline">
                {t('poolCreate')}
              </Link>
            </>
          ) : left > 0 ? (
            t('poolLeft', { issued: pool.issued, total: pool.total, left })
          ) : (
            t('poolEmpty')
          )}
        </p>
      )}
    </>
  );
}
