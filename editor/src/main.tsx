import './zod-config.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './index.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false, retry: 1 } },
});

// Opened straight on a flow: fetch the canvas code and the flow while the session is checked,
// instead of one after the other.
const openedFlow = /^\/flows\/([0-9a-f-]{36})\/?$/.exec(window.location.pathname)?.[1];
if (openedFlow) {
  void import('./flow-editor/FlowEditorPage.tsx');
  void import('./flow-editor/flow-api.ts').then(({ flowKeys, getFlow }) =>
    queryClient.prefetchQuery({ queryKey: flowKeys.detail(openedFlow), queryFn: () => getFlow(openedFlow) }),
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
