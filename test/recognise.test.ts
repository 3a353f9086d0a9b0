import { recogniseScores } from '../src/engine/recognise';

describe('识别现有评分表', () => {
  it('proposes the name and group columns and indicators with points from the headers', () => {
    const rec = recogniseScores({
      name: 'Sheet1',
      rows: [
        ['2026年度考核评分表'],
        ['序号', '单位名称', '组别', 'ＧＤＰ增速（10分）', '民生(20分)', '作风', '合计', '备注'],
        [1, '甲局', '一组', 8, 18.5, 9, 35.5, null],
        [2, '乙局', '二组', '９', 17, 7.5, 33.5, '迟报'],
        [3, '丙局', '二组', 10, null, 8, 18, null],
        [null, null, null, null, null, null, null, null],
      ],
    })!;
    expect(rec.headerRow).toBe(1);
    expect(rec.subjects).toBe(3);
    expect(rec.columns.map((c) => [c.header, c.role, c.name, c.points, c.pointsFromHeader])).toEqual([
      ['序号', 'ignore', '序号', 3, false],
      ['单位名称', 'name', '单位名称', null, false],
      ['组别', 'group', '组别', null, false],
      ['ＧＤＰ增速（10分）', 'indicator', 'ＧＤＰ增速', 10, true],
      ['民生(20分)', 'indicator', '民生', 20, true],
      ['作风', 'indicator', '作风', 9, false],
      ['合计', 'ignore', '合计', 35.5, false],
      ['备注', 'ignore', '备注', null, false],
    ]);
  });

  it('finds nothing on a sheet without a header row', () => {
    expect(
      recogniseScores({
        name: 'x',
        rows: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBeNull();
  });
});
