import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { errorText } from './error-text.ts';

/** An error as `api()` builds it from a body `{error: {code, message, details}}`. */
const apiError = (code: string, message: string, details?: unknown) =>
  new ApiError(400, code, message, Array.isArray(details) ? details : [], details);

describe('errorText', () => {
  it('says a refused request and its fields by their zod issues, in zod’s own words for the language', () => {
    const refused = apiError('invalid_request', 'Request does not match the schema', [
      {
        path: 'body.limits.messagesPerMinute',
        message: 'Too small: expected number to be >=1',
        code: 'too_small',
        origin: 'number',
        minimum: 1,
        inclusive: true,
      },
      {
        path: 'body.email',
        message: 'Invalid input',
        code: 'invalid_type',
        expected: 'string',
        received: 'number',
      },
    ]);
    expect(errorText(refused, 'zh-CN')).toBe(
      '有内容填写不正确：limits.messagesPerMinute：数值过小：期望 number >=1；email：无效输入：期望 string，实际接收 数字',
    );
    expect(errorText(refused, 'en')).toBe(
      'Some fields are not valid: limits.messagesPerMinute: Too small: expected number to be >=1; email: Invalid input: expected string, received number',
    );
  });

  it('says our own refinements of a field from the catalogue', () => {
    const nul = apiError('invalid_request', 'Request does not match the schema', [
      {
        path: 'body.name',
        message: 'must not contain NUL (\\u0000) characters',
        code: 'custom',
        params: { code: 'nul_character', part: 'text' },
      },
    ]);
    expect(errorText(nul, 'zh-CN')).toBe('有内容填写不正确：name：文字里不能有 NUL 字符');
  });

  it('fills each error’s params into its sentence, never reading its English message', () => {
    const zh = (code: string, details?: unknown) =>
      errorText(apiError(code, 'English for curl', details), 'zh-CN');
    expect(zh('not_found', { params: { what: 'flow' } })).toBe('流程不存在');
    expect(zh('not_found', { params: { what: 'version', version: 3 } })).toBe('版本 3 不存在');
    expect(zh('already_member', { params: { email: 'xiaomei@example.com' } })).toBe(
      'xiaomei@example.com 已经是成员',
    );
    expect(zh('role_not_grantable', { params: { role: 'marketer', grant: 'owner' } })).toBe(
      '运营不能授予所有者角色',
    );
    expect(zh('forbidden', { params: { role: 'viewer' } })).toBe('只读角色无权执行此操作');
    expect(zh('forbidden')).toBe('无权执行此操作');
    expect(zh('not_undelivered', { params: { status: 'sent' } })).toBe(
      '这条消息已经发出，只有状态未知或失败的消息才能重发或忽略',
    );
    expect(zh('invalid_flow', { errors: [], warnings: [], params: { action: 'preview' } })).toBe(
      '流程有错误：请先修复再试用',
    );
    expect(zh('rate_limited', { params: { retryAfterSeconds: 42 } })).toBe('尝试次数过多，请 42 秒后再试');
    expect(zh('invalid_json', { params: { reason: 'too_deep', maxDepth: 64 } })).toBe(
      '请求内容嵌套超过 64 层',
    );
    expect(errorText(apiError('not_found', 'Contact not found', { params: { what: 'contact' } }), 'en')).toBe(
      'Contact not found',
    );
  });

  it('shows the English message of a code, or a thing, it does not know yet (a newer server)', () => {
    expect(errorText(apiError('from_the_future', 'Something new'), 'zh-CN')).toBe('Something new');
    expect(
      errorText(apiError('not_found', 'Gadget not found', { params: { what: 'gadget' } }), 'zh-CN'),
    ).toBe('Gadget not found');
  });

  it('names a lost connection as such', () => {
    expect(errorText(new TypeError('Failed to fetch'), 'en')).toBe(
      'Cannot reach the server; check the connection and retry',
    );
  });
});
