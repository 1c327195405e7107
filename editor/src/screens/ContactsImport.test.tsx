// @vitest-environment happy-dom
// The import's preview is of the chosen file for the chosen account: a file chosen while the accounts
// load waits for them (it was sent with no account: a 400), and choosing another account asks again.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ContactsImport } from './ContactsImport.tsx';
import { Harness } from './test-harness.tsx';

const BOTS = [
  { id: '00000000-0000-4000-8000-0000000000b1', name: 'Sandbox' },
  { id: '00000000-0000-4000-8000-0000000000b2', name: '客服一号' },
];
const RESULT = {
  imported: 1,
  updated: 0,
  errors: [],
  errorCount: 0,
  dryRun: true,
  encoding: 'utf-8',
  delimiter: ',',
  rows: 1,
  columns: [{ header: 'weixin', field: 'weixin', ignored: null }],
  sample: [],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('previews a file chosen before the accounts loaded once they are there, and again for another account', async () => {
  let release: () => void = () => {};
  const loaded = new Promise<void>((resolve) => {
    release = resolve;
  });
  const imports: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/bots') {
        await loaded;
        return new Response(JSON.stringify(BOTS), { status: 200 });
      }
      imports.push(url);
      return new Response(JSON.stringify(RESULT), { status: 200 });
    }),
  );
  const { container } = render(
    <Harness initial="en">
      <ContactsImport onClose={() => {}} />
    </Harness>,
  );
  const input = container.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File(['weixin\r\nwx_a'], 'contacts.csv', { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(imports).toEqual([]);
  release();
  await waitFor(() => expect(imports).toEqual([`/api/contacts/import?accountId=${BOTS[0]!.id}&dryRun=1`]));
  fireEvent.change(screen.getByRole('combobox'), { target: { value: BOTS[1]!.id } });
  await waitFor(() => expect(imports.at(-1)).toBe(`/api/contacts/import?accountId=${BOTS[1]!.id}&dryRun=1`));
});
