// Generated assessment workbooks: for the benchmark and for tests over many shapes of input.
import ExcelJS from 'exceljs';
import type { CellValue, SheetData } from '../src/engine/types';

export interface GenOptions {
  subjects: number;
  indicators: number;
  dimensions: number;
  groups: number;
  /** grades per group (等次范围 = 分组) or over all */
  perGroup: boolean;
  seed: number;
  /** share of subjects with an adjustment event */
  eventShare?: number;
  /** extra 【设置】 rows, e.g. [['排名方式', '中国式排名']] */
  settings?: [string, CellValue][];
  /**
   * The rest of what real schemes use: scores to three decimals (小数位数 3), 同分依据 (the first
   * dimension, then the first indicator), and grade events 定等, 一票肯定 and 限等 besides bonuses,
   * deductions, vetoes and 降等.
   */
  variety?: boolean;
}

/** A small deterministic PRNG (mulberry32), so a seed gives the same workbook everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Generated {
  sheets: SheetData[];
  sheetNames: string[];
  indicatorPoints: number[];
  dimensionOf: number[];
  weights: number[];
}

export function generate(o: GenOptions): Generated {
  const rand = rng(o.seed);
  const weights = Array.from({ length: Math.max(o.dimensions, 0) }, (_, d) =>
    d < o.dimensions - 1 ? Math.floor(100 / o.dimensions) : 100 - Math.floor(100 / o.dimensions) * (o.dimensions - 1),
  );
  const dimensionOf = Array.from({ length: o.indicators }, (_, i) => (o.dimensions > 0 ? i % o.dimensions : -1));
  const indicatorPoints = Array.from({ length: o.indicators }, (_, i) => [5, 10, 20, 25][i % 4]);
  const scheme: CellValue[][] = [
    ['生成的考核方案'],
    [],
    ['【设置】'],
    ['项目', '内容'],
    ['考核名称', `生成 ${o.subjects}×${o.indicators}`],
    ...(o.settings?.some(([key]) => key === '小数位数') ? [] : [['小数位数', o.variety ? 3 : 2]]),
    ...(o.variety ? [['同分依据', [...(o.dimensions > 0 ? ['维度1'] : []), '指标1'].join('、')]] : []),
    ['等次范围', o.perGroup ? '分组' : '全体'],
    ['否决扣分线', 10],
    ['加分上限', 5],
    ...(o.settings ?? []),
    [],
    ...(o.dimensions > 0 ? [['【维度】'], ['维度', '权重(%)'], ...weights.map((w, d) => [`维度${d + 1}`, w]), []] : []),
    ['【指标】'],
    ['编号', '维度', '指标', '分值', '牵头部门', '评分标准'],
    ...indicatorPoints.map((p, i) => [`Z${i + 1}`, o.dimensions > 0 ? `维度${dimensionOf[i] + 1}` : null, `指标${i + 1}`, p, `部门${i % 7}`, null]),
    [],
    ['【等次】'],
    ['等次', '比例上限(%)', '比例下限(%)', '名额', '最低分', '说明'],
    ['优秀', 15, null, null, 60, null],
    ['良好', 35, null, null, null, null],
    ['合格', null, null, null, null, null],
    [],
    ['【加减分类别】'],
    ['类别', '类型', '单项上限', '累计上限', '计入否决'],
    ['表彰', '加分', 2, 3, null],
    ['安全', '扣分', null, null, '是'],
  ];
  const header: CellValue[] = ['序号', '名称', '分组', ...indicatorPoints.map((_, i) => `指标${i + 1}`)];
  const scores: CellValue[][] = [header];
  for (let s = 0; s < o.subjects; s++) {
    const row: CellValue[] = [s + 1, `单位${String(s + 1).padStart(5, '0')}`, `第${(s % o.groups) + 1}组`];
    // scores in half points (eighths with variety), biased high like real ones, with many ties
    const steps = o.variety ? 8 : 2;
    for (const p of indicatorPoints) row.push(Math.round(p * (0.6 + 0.4 * rand()) * steps) / steps);
    scores.push(row);
  }
  const events: CellValue[][] = [['名称', '类型', '类别', '分值', '等次', '事由', '依据', '日期']];
  const share = o.eventShare ?? 0.05;
  for (let s = 0; s < o.subjects; s++) {
    if (rand() >= share) continue;
    const name = scores[s + 1][1];
    const kind = rand();
    if (kind < 0.5) events.push([name, '加分', '表彰', 1 + Math.floor(rand() * 3), null, '表彰', null, null]);
    else if (kind < 0.85) events.push([name, '扣分', '安全', 2 + Math.floor(rand() * 10), null, '事故', null, null]);
    else if (kind < 0.92) events.push([name, '一票否决', null, null, null, '重大事故', null, null]);
    else if (!o.variety || kind < 0.94) events.push([name, '降等', null, 1, null, '通报', null, null]);
    else if (kind < 0.96) events.push([name, '定等', null, null, '合格', '问责', null, null]);
    else if (kind < 0.98) events.push([name, '一票肯定', null, null, null, '重大贡献', null, null]);
    else events.push([name, '限等', null, null, '良好', '约谈', null, null]);
  }
  const sheets: SheetData[] = [
    { name: '考核方案', rows: scheme },
    { name: '评分表', rows: scores },
    { name: '加减分', rows: events },
  ];
  return { sheets, sheetNames: sheets.map((s) => s.name), indicatorPoints, dimensionOf, weights };
}

/** The generated sheets as an .xlsx (values only). */
export async function toXlsx(g: Generated): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of g.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? null : v)));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
