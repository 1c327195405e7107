import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { errorText } from './error-text.ts';

describe('errorText', () => {
  it('says a refused request and the fields it got wrong in the page language', () => {
    const refused = new ApiError(400, 'invalid_request', 'Request does not match the schema', [
      { path: 'body.limits.messagesPerMinute', message: 'Too small: expected number to be >=1' },
    ]);
    expect(errorText(refused, 'zh-CN')).toBe('有内容填写不正确：limits.messagesPerMinute: 不能小于 1');
    expect(errorText(refused, 'en')).toBe(
      'Some fields are not valid: limits.messagesPerMinute: Too small: expected number to be >=1',
    );
  });

  it('translates the server messages it knows and keeps the rest', () => {
    const zh = (code: string, message: string) => errorText(new ApiError(409, code, message), 'zh-CN');
    expect(zh('not_found', 'Flow not found')).toBe('流程不存在');
    expect(zh('not_found', 'Version 3 not found')).toBe('版本 3 不存在');
    expect(zh('conflict', 'xiaomei@example.com is already a member')).toBe('xiaomei@example.com 已经是成员');
    expect(zh('forbidden', 'A marketer cannot grant the owner role')).toBe('运营不能授予所有者角色');
    expect(zh('sandbox_offline', 'The sandbox bot account is stopped')).toBe(
      '沙盒机器人已停止，或正被另一个进程使用',
    );
    expect(zh('conflict', 'Something new')).toBe('Something new');
    expect(
      zh('conflict', 'The message is sent: only an unknown or failed one can be resent or dismissed'),
    ).toBe('这条消息已经发出，只有状态未知或失败的消息才能重发或忽略');
    expect(zh('not_found', 'Outbox message not found')).toBe('待发送的消息不存在');
    expect(errorText(new ApiError(404, 'not_found', 'Flow not found'), 'en')).toBe('Flow not found');
  });

  it('names a lost connection as such', () => {
    expect(errorText(new TypeError('Failed to fetch'), 'en')).toBe(
      'Cannot reach the server; check the connection and retry',
    );
  });
});
