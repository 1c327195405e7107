import { describe, expect, it } from 'vitest';
import { canConnect } from './can-connect.ts';

const nodes = [
  { id: 'start', type: 'trigger.friend_request', data: {} },
  { id: 'hi', type: 'send', data: { text: 'hi' } },
  { id: 'q', type: 'ask', data: { question: 'city?', saveAs: 'city' } },
  { id: 'bye', type: 'end', data: {} },
];

describe('canConnect', () => {
  it('allows a free port into a regular node', () => {
    expect(canConnect({ source: 'start', sourceHandle: 'next', target: 'hi' }, nodes, [])).toBe(true);
  });

  it('refuses an edge into a trigger, including from the trigger itself', () => {
    expect(canConnect({ source: 'hi', sourceHandle: 'next', target: 'start' }, nodes, [])).toBe(false);
    expect(canConnect({ source: 'start', sourceHandle: 'next', target: 'start' }, nodes, [])).toBe(false);
  });

  it('refuses a second edge from an occupied port, and duplicates', () => {
    const edges = [{ source: 'q', sourceHandle: 'answered', target: 'hi' }];
    expect(canConnect({ source: 'q', sourceHandle: 'answered', target: 'bye' }, nodes, edges)).toBe(false);
    expect(canConnect({ source: 'q', sourceHandle: 'answered', target: 'hi' }, nodes, edges)).toBe(false);
    expect(canConnect({ source: 'q', sourceHandle: 'timeout', target: 'hi' }, nodes, edges)).toBe(true);
  });

  it('treats an edge without sourceHandle as leaving the only port', () => {
    const edges = [{ source: 'hi', sourceHandle: null, target: 'q' }];
    expect(canConnect({ source: 'hi', sourceHandle: 'next', target: 'bye' }, nodes, edges)).toBe(false);
  });

  it('refuses nodes without ports and unknown ends', () => {
    expect(canConnect({ source: 'bye', sourceHandle: null, target: 'hi' }, nodes, [])).toBe(false);
    expect(canConnect({ source: 'ghost', sourceHandle: 'next', target: 'hi' }, nodes, [])).toBe(false);
  });
});
