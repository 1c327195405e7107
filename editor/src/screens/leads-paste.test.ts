import { describe, expect, it } from 'vitest';
import { cellsOf, parseLeads } from './leads-paste.ts';

const problems = (text: string) =>
  parseLeads(text).map((row) => [row.line, row.issues.map((i) => `${i.path.join('.')}:${i.code}`)]);

describe('pasted leads', () => {
  it('takes one phone a line, the second column as the name and further ones as attributes', () => {
    expect(parseLeads('138 0013 8000\n+86 139-0013-9000,王女士\n\n13700137000\t阿强\t瑜伽')).toEqual([
      { line: 1, lead: { phone: '13800138000' }, issues: [] },
      { line: 2, lead: { phone: '13900139000', name: '王女士' }, issues: [] },
      {
        line: 4,
        lead: { phone: '13700137000', name: '阿强', attributes: { column_3: '瑜伽' } },
        issues: [],
      },
    ]);
  });

  it('skips a header row and names the columns by it, in either language and order', () => {
    const rows = parseLeads(
      '\uFEFF姓名,手机号,course,City Name\r\n小美,13800138000,瑜伽,上海\n"Lee, Ann",13900139000,,',
    );
    expect(rows.map((r) => r.lead)).toEqual([
      { phone: '13800138000', name: '小美', attributes: { course: '瑜伽', city_name: '上海' } },
      { phone: '13900139000', name: 'Lee, Ann' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parseLeads('微信号,name\nmeili_88,美丽').map((r) => r.lead)).toEqual([
      { weixin: 'meili_88', name: '美丽' },
    ]);
    // A first line that names no known column is a lead, and says what is wrong with it.
    expect(problems('meili_88\n13800138000')).toEqual([
      [1, ['phone:custom']],
      [2, []],
    ]);
  });

  it('shows per row what the server would refuse', () => {
    expect(problems('12345\n13800138000\n,只有名字')).toEqual([
      [1, ['phone:custom']],
      [2, []],
      [3, ['phone:custom']],
    ]);
    // A header that is no attribute key: every row says so (the server checks keys before phones).
    expect(problems('phone,课程\n12345,a')).toEqual([[2, ['attributes.课程:invalid_key']]]);
  });

  it('reads quoted cells and spreadsheet apostrophes', () => {
    expect(cellsOf('"a ""b"", c";\'13800138000\';x')).toEqual(['a "b", c', '13800138000', 'x']);
  });
});
