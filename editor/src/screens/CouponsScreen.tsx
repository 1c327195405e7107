// Coupon pools: issued / total bars; create a pool or add codes by pasting or uploading a file.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { couponPoolCreated } from '../../../shared/api/coupons.ts';
import { api } from '../api.ts';
import { TextFilePicker } from '../app/lists.tsx';
import { Button, Card, Empty, ErrorNote, Input, PageHeader } from '../app/ui.tsx';
import { defineMessages } from '../i18n.ts';
import { couponPoolsKey, useCouponPools } from '../queries.ts';
import { parseCodes } from './coupon-codes.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '优惠券',
    subtitle: '券码池：流程中的「发券」节点每个联系人只发一次。',
    add: '新建券码池 / 添加券码',
    pool: '券码池名称',
    codes: '券码：每行一个（CSV 取第一列，表头自动跳过）',
    upload: '上传 .txt / .csv',
    save: '保存',
    cancel: '取消',
    parsed: '识别到 {n} 个券码',
    added: '已向「{pool}」添加 {n} 个新券码',
    issued: '已发放 {issued} / {total}',
    empty: '还没有券码池',
    emptyHint: '新建一个券码池，然后在流程里用「发券」节点发给联系人。',
    addTo: '添加券码',
  },
  en: {
    title: 'Coupons',
    subtitle: 'Code pools: a flow’s Coupon node gives each contact one code, once.',
    add: 'New pool / add codes',
    pool: 'Pool name',
    codes: 'Codes: one per line (from a CSV, the first column; a header row is skipped)',
    upload: 'Upload .txt / .csv',
    save: 'Save',
    cancel: 'Cancel',
    parsed: '{n} codes found',
    added: '{n} new codes added to “{pool}”',
    issued: '{issued} of {total} issued',
    empty: 'No coupon pools yet',
    emptyHint: 'Create a pool, then give its codes out with a Coupon node in a flow.',
    addTo: 'Add codes',
  },
});

export function CouponsScreen() {
  const t = messages.useT();
  const queryClient = useQueryClient();
  const pools = useCouponPools();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const codes = parseCodes(text);
  const save = useMutation({
    mutationFn: () =>
      api<z.infer<typeof couponPoolCreated>>('POST', '/coupon-pools', { name: name.trim(), codes }),
    onSuccess: () => {
      setText('');
      setOpen(false);
      queryClient.invalidateQueries({ queryKey: couponPoolsKey });
    },
  });
  const openFor = (pool = '') => {
    save.reset();
    setName(pool);
    setOpen(true);
  };
  const close = () => {
    save.reset();
    setText('');
    setOpen(false);
  };
  const label = 'block text-xs font-medium text-slate-600';
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button variant="primary" onClick={() => openFor()}>
            + {t('add')}
          </Button>
        }
      />
      {open && (
        <Card className="mb-6 space-y-3 p-4">
          <label className={label}>
            {t('pool')}
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              className="mt-1 block w-72"
              data-testid="pool-name"
            />
          </label>
          <label className={label}>
            {t('codes')}
            <textarea
              className="mt-1 block h-32 w-full rounded-lg border border-slate-300 p-3 font-mono text-sm font-normal text-slate-900 focus:border-emerald-500 focus:outline-none"
              placeholder={'CODE-001\nCODE-002'}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="pool-codes"
            />
          </label>
          <div className="flex items-center gap-3">
            <TextFilePicker
              label={t('upload')}
              onText={(content) => setText((prev) => `${prev}\n${content}`)}
            />
            <span className="text-sm text-slate-500" data-testid="pool-parsed">
              {t('parsed', { n: codes.length })}
            </span>
            <Button
              variant="primary"
              className="ml-auto"
              disabled={!name.trim() || save.isPending}
              onClick={() => save.mutate()}
            >
              {t('save')}
            </Button>
            <Button onClick={close}>{t('cancel')}</Button>
          </div>
          <ErrorNote error={save.error} />
        </Card>
      )}
      {save.data && (
        <p role="status" className="mb-4 text-sm text-emerald-700">
          {t('added', { n: save.data.added, pool: save.data.name })}
        </p>
      )}
      <ErrorNote error={pools.error} />
      {pools.data?.length === 0 && (
        <Card>
          <Empty title={t('empty')} hint={t('emptyHint')} />
        </Card>
      )}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {pools.data?.map((pool) => (
          <Card key={pool.name} className="p-4">
            <div className="flex items-center justify-between">
              <h2 className="font-medium text-slate-900">{pool.name}</h2>
              <Button onClick={() => openFor(pool.name)}>{t('addTo')}</Button>
            </div>
            <div className="mt-4 h-2 overflow-hidden rounded-full bg-slate-100">
              <div
                className="h-full rounded-full bg-emerald-500"
                style={{ width: `${pool.total ? (100 * pool.issued) / pool.total : 0}%` }}
              />
            </div>
            <p className="mt-2 text-sm text-slate-500">
              {t('issued', { issued: pool.issued, total: pool.total })}
            </p>
          </Card>
        ))}
      </div>
    </>
  );
}
