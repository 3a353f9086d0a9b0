// Makes examples/ex6-staff-raters-10.xlsx: a quarter of a tax branch's staff assessment with
// layered scores (自评 → 初评 → 复评), 工作作风 rated in 评议表 by self (reference only), peers and
// leaders, 民主测评 by ballot, and the heads' 50/50 rule. Run after `npm run build:cli`; the numbers
// are fixed, so the file comes out the same every time.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { XlsxWorkbook } = require('../build/src/hosts/xlsx/xlsx-workbook');
const { valuesSheet } = require('../build/src/report/templates');

const ROOT = join(__dirname, '..');
const people = [
  ['王建国', '征管科', '是'],
  ['李明', '征管科', null],
  ['张丽', '征管科', null],
  ['赵强', '征管科', null],
  ['陈静', '征管科', null],
  ['刘洋', '纳税服务科', '是'],
  ['孙悦', '纳税服务科', null],
  ['周杰', '纳税服务科', null],
  ['吴敏', '纳税服务科', null],
  ['郑华', '纳税服务科', null],
];

const scheme = [
  ['2026年第三季度干部考核 考核方案'],
  [],
  ['【设置】'],
  ['项目', '内容'],
  ['考核名称', '2026年第三季度干部考核'],
  ['考核期间', '2026年第三季度'],
  ['制表单位', '某区税务局第一税务分局'],
  ['小数位数', 2],
  ['负责人计分', '本人50%+部门平均50%'],
  [],
  ['【指标】'],
  ['编号', '指标', '分值', '来源', '评分标准'],
  ['1', '工作业绩', 40, null, '本人自评，科室负责人初评，考核工作组复评'],
  ['2', '工作作风', 20, '评议', '本人、同事、分局领导评议'],
  ['3', '廉洁自律', 10, null, '无违规记满分'],
  ['4', '民主测评', 30, '测评', '全体干部无记名投票'],
  [],
  ['【评议】'],
  ['类别', '权重(%)', '去掉最高最低', '最少人数'],
  ['自评', 0, '否', 1],
  ['同事', 60, '是', 3],
  ['领导', 40, '否', 1],
  [],
  ['【测评折算】'],
  ['选项', '分值'],
  ['优秀', 100],
  ['称职', 80],
  ['基本称职', 60],
  ['不称职', 0],
  [],
  ['【等次】'],
  ['等次', '比例上限(%)', '比例下限(%)', '名额', '最低分', '说明'],
  ['优秀', 20, null, null, 85, '不超过20%'],
  ['称职', null, null, null, 70, null],
  ['基本称职', null, null, null, null, null],
];

// 工作业绩 out of 40: 自评, 初评 (blank: unchanged), 复评 (blank: 初评 stands)
const work = [
  [38, 36, null],
  [37, 35, 35.5],
  [36, null, null],
  [39, 36, 37],
  [35, 34, null],
  [38, 37, null],
  [36, 35, null],
  [37, 36.5, 36],
  [34, 33, null],
  [36, 35, null],
];
const clean = [10, 10, 10, 9, 10, 10, 10, 10, 10, 9.5];
const scores = [
  ['序号', '名称', '部门', '负责人', '工作业绩（自评）', '工作业绩（初评）', '工作业绩（复评）', '廉洁自律'],
  ...people.map(([name, dept, head], k) => [k + 1, name, dept, head, ...work[k], clean[k]]),
];

// 工作作风 out of 20: each person by themselves, three colleagues of the department and the leaders
const ratings = [['名称', '评议人', '评议类别', '工作作风']];
people.forEach(([name, dept], k) => {
  ratings.push([name, name, '自评', 20]);
  const colleagues = people.filter(([other, d]) => d === dept && other !== name).slice(0, 4);
  colleagues.forEach(([other], j) => ratings.push([name, other, '同事', 15 + ((k * 3 + j * 5) % 6)]));
  ratings.push([name, '分局局长', '领导', 16 + ((k * 7) % 5)]);
  if (k % 3 === 0) ratings.push([name, '分局副局长', '领导', 17 + (k % 3)]);
});

// 民主测评: 40 of 42 voted
const ballots = [['名称', '优秀', '称职', '基本称职', '不称职', '应到人数']];
people.forEach(([name], k) => {
  const excellent = 18 + ((k * 5) % 9);
  const poor = k % 4 === 0 ? 1 : 0;
  const basic = (k * 3) % 3;
  ballots.push([name, excellent, 40 - excellent - basic - poor, basic, poor, 42]);
});

(async () => {
  const book = XlsxWorkbook.create();
  await book.addSheets([
    valuesSheet('考核方案', scheme, -1),
    valuesSheet('评分表', scores, 0),
    valuesSheet('评议表', ratings, 0),
    valuesSheet('测评票', ballots, 0),
    valuesSheet(
      '加减分',
      [
        ['名称', '类型', '类别', '分值', '等次', '事由', '依据', '日期'],
        ['赵强', '加分', '表彰奖励', 1, null, '获市局通报表扬', '市局通报', null],
      ],
      0,
    ),
  ]);
  const chunks = [];
  await book.writeTo((c) => chunks.push(Buffer.from(c)));
  writeFileSync(join(ROOT, 'examples', 'ex6-staff-raters-10.xlsx'), Buffer.concat(chunks));
})();
