// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CouponsScreen } from './CouponsScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

let calls: Call[] = [];
beforeEach(() => {
  calls = fakeApi({
    'GET /api/coupon-pools': [{ name: 'Spring', total: 10, issued: 4 }],
    'POST /api/coupon-pools': (call: Call) => {
      const body = call.body as { name: string; codes: string[] };
      return { name: body.name, total: body.codes.length, issued: 0, added: body.codes.length };
    },
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('coupon pools', () => {
  it('takes a spreadsheet’s first column as the codes, skipping its header', async () => {
    render(
      <Harness initial="en">
        <CouponsScreen />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '+ New pool / add codes' }));
    fireEvent.change(screen.getByLabelText('Pool name'), { target: { value: 'Summer' } });
    fireEvent.change(screen.getByLabelText(/^Codes: one per line/), {
      target: { value: 'Code,Note\nCODE-001\nCODE-002\nCODE-003,extra\n"CODE-004";x\n\nCODE-001' },
    });
    expect(screen.getByTestId('pool-parsed').textContent).toBe('4 codes found');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('4 new codes added to “Summer”');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Summer',
      codes: ['CODE-001', 'CODE-002', 'CODE-003', 'CODE-004'],
    });
    expect(screen.queryByLabelText('Pool name')).toBeNull();
  });

  it('labels the form in Chinese and closes it with 取消', async () => {
    render(
      <Harness initial="zh-CN">
        <CouponsScreen />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '添加券码' }));
    expect((screen.getByLabelText('券码池名称') as HTMLInputElement).value).toBe('Spring');
    fireEvent.change(screen.getByLabelText(/^券码：每行一个/), { target: { value: '券码\nA1\tx' } });
    expect(screen.getByTestId('pool-parsed').textContent).toBe('识别到 1 个券码');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByLabelText('券码池名称')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
