/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { ExcelWorkbook } from '../src/hosts/excel/excel-workbook';
import { App } from '../src/taskpane/App';
import { onPage, type PaneSession } from '../src/taskpane/session';
import type { PickedFile } from '../src/app/combine';
import { FakeExcel } from './fake-excel';
import type { SheetData } from '../src/engine/types';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { EXAMPLES, examplePath } from './helpers';

// Fluent UI measures elements; jsdom has no layout
class NoObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: NoObserver, IntersectionObserver: NoObserver });

const SHEETS: Record<string, SheetData[]> = {};
beforeAll(async () => {
  for (const name of EXAMPLES) SHEETS[name] = [...(await (await XlsxWorkbook.load(new Uint8Array(readFileSync(examplePath(name))))).read((n) => n)).sheets];
});

function excelSession(example: string | Record<string, (string | number | null)[][]>): { session: PaneSession; fake: FakeExcel } {
  const fake = new FakeExcel();
  if (typeof example === 'string')
    for (const s of SHEETS[example])
      fake.seed(
        s.name,
        s.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v))),
      );
  else for (const [name, rows] of Object.entries(example)) fake.seed(name, rows);
  const book = new ExcelWorkbook(fake.run, fake.supports);
  const session: PaneSession = {
    mode: 'excel',
    title: typeof example === 'string' ? example : '新工作簿',
    port: book,
    ...onPage(book, typeof example === 'string' ? example : '新工作簿', async () => {
      await book.activate('结果汇总');
      return '';
    }),
    selectCell: (sheet, cell) => book.select(sheet, cell),
    markCells: (cells) => book.markCells(cells),
    renameSheet: (from, to) => book.renameSheet(from, to),
  };
  return { session, fake };
}

const renderPane = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('the pane', () => {
  it('校验: lists issues errors first with sheet!cell, and a click selects the cell in Excel', async () => {
    const { session, fake } = excelSession('ex4-bad-input');
    renderPane(<App lang="zh" initialSession={session} />);
    await act(async () => {});
    // inside Excel the pane checks on demand: the first check runs when asked
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    const first = await screen.findByText('评分表!C3');
    expect(screen.getByText('5 个错误，1 个警告')).toBeTruthy();
    const places = screen.getAllByText(/^(评分表|加减分)!/).map((e) => e.textContent);
    expect(places).toEqual(['评分表!C3', '评分表!D4', '评分表!C6', '评分表!B7', '加减分!A2', '评分表!E5']);
    expect((screen.getByRole('tab', { name: '计算' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(first);
    await waitFor(() => expect(fake.selection).toBe('评分表!C3'));
    // marking problem cells, and taking the marks away again
    const marked = () => fake.sheets.flatMap((s) => s.conditionalFormats.map((c) => `${s.name}!${c.address}`));
    fireEvent.click(screen.getByRole('switch', { name: '在工作簿中标出问题单元格' }));
    await waitFor(() => expect(marked()).toEqual(['评分表!C3:C3', '评分表!D4:D4', '评分表!E5:E5', '评分表!C6:C6', '评分表!B7:B7', '加减分!A2:A2']));
    fireEvent.click(screen.getByRole('switch', { name: '在工作簿中标出问题单元格' }));
    await waitFor(() => expect(marked()).toEqual([]));
  });

  it('计算: ranks, totals and grades; grade counts against quotas; ties and vetoes in plain words', async () => {
    const { session } = excelSession('ex1-departments-30');
    renderPane(<App lang="zh" initialSession={session} />);
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    fireEvent.click(await screen.findByRole('tab', { name: '计算' }));
    expect(await screen.findByText('30 个考核对象')).toBeTruthy();
    expect(screen.getByText('市教育局')).toBeTruthy();
    expect(screen.getByText('一等 9 / 6')).toBeTruthy();
    expect(screen.getByText('三等 1 / 不限')).toBeTruthy();
    expect(screen.getByText(/一票否决：发生重大安全生产事故/)).toBeTruthy();
    expect(screen.getAllByText(/名额边界同分，同分同等次计入一等/).length).toBe(4);
  });

  it('输出: in Excel too, only the result sheets chosen are written (校验报告 always)', async () => {
    const { session, fake } = excelSession('ex3-units-grouped-9');
    renderPane(<App lang="zh" initialSession={session} />);
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    fireEvent.click(await screen.findByRole('tab', { name: '输出' }));
    expect((screen.getByRole('checkbox', { name: '校验报告' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: '成绩单' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '结果公示' }));
    fireEvent.click(screen.getByRole('button', { name: '写入结果表' }));
    expect(await screen.findByText(/已写入：结果汇总、分组排名、等次分布、指标分析、校验报告/)).toBeTruthy();
    expect(fake.sheets.map((s) => s.name)).toEqual(['考核方案', '评分表', '加减分', '结果汇总', '分组排名', '等次分布', '指标分析', '校验报告']);
  });

  it('输出: writes the result sheets, activates 结果汇总 and says what was written', async () => {
    const { session, fake } = excelSession('ex3-units-grouped-9');
    renderPane(<App lang="zh" initialSession={session} />);
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    fireEvent.click(await screen.findByRole('tab', { name: '输出' }));
    fireEvent.click(screen.getByRole('button', { name: '写入结果表' }));
    expect(await screen.findByText(/已写入：结果汇总、分组排名、等次分布、结果公示、指标分析、成绩单、校验报告/)).toBeTruthy();
    expect(fake.activeSheet).toBe('结果汇总');
    expect(fake.sheets.map((s) => s.name)).toEqual([
      '考核方案',
      '评分表',
      '加减分',
      '结果汇总',
      '分组排名',
      '等次分布',
      '结果公示',
      '指标分析',
      '成绩单',
      '校验报告',
    ]);
    expect(fake.sheet('等次分布').charts.map((c) => [c.type, c.source, c.xValues, c.props['title.text']])).toEqual([
      ['ColumnClustered', 'E4:E7', 'A4:B7', '各等次人数'],
    ]);
  });

  it('输出 before ExcelApi 1.9: results without print setup, and a notice saying so', async () => {
    const { session, fake } = excelSession('ex2-staff-weighted-12');
    fake.apiVersion = '1.7';
    renderPane(<App lang="zh" initialSession={session} />);
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    fireEvent.click(await screen.findByRole('tab', { name: '输出' }));
    fireEvent.click(screen.getByRole('button', { name: '写入结果表' }));
    expect(await screen.findByText(/不支持打印设置/)).toBeTruthy();
    expect(fake.sheet('结果汇总').pageLayout).toEqual({});
  });

  it('speaks English when Office says so', async () => {
    const { session } = excelSession('ex2-staff-weighted-12');
    renderPane(<App lang="en" initialSession={session} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start checking' }));
    expect(await screen.findByText('No problems found; ready to compute.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Compute' }));
    expect(await screen.findByText('12 subjects')).toBeTruthy();
  });

  it('start (browser): opens a workbook the user picks and turns Excel refusals into words', async () => {
    const { session } = excelSession('ex2-staff-weighted-12');
    const openFile = jest.fn(async () => session);
    renderPane(<App lang="zh" initialSession={null} openFile={openFile} />);
    expect(screen.getByText(/打开考核工作簿/)).toBeTruthy();
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const file = new File([new Uint8Array([1, 2, 3])], '干部考核.xlsx');
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new Uint8Array([1, 2, 3]).buffer });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(openFile).toHaveBeenCalled());
    expect(await screen.findByText('未发现问题，可以计算。')).toBeTruthy();
    const refusing = jest.fn(async () => {
      throw Object.assign(new Error('cell edit'), { code: 'InvalidOperationInCellEditMode' });
    });
    renderPane(<App lang="zh" initialSession={null} openFile={refusing} />);
    fireEvent.change(screen.getAllByTestId('file-input')[1], { target: { files: [file] } });
    expect(await screen.findByText(/正在编辑单元格/)).toBeTruthy();
  });

  it('合并各期 (browser): lists the chosen files in period order, takes the order the user sets, then opens the combined workbook', async () => {
    const { session } = excelSession('ex2-staff-weighted-12');
    const file = (name: string) => {
      const f = new File([new Uint8Array([1])], name);
      Object.defineProperty(f, 'arrayBuffer', { value: async () => new TextEncoder().encode(name).buffer });
      return f;
    };
    const got: string[][] = [];
    const combine = jest.fn(async (files: readonly PickedFile[]) => {
      got.push(files.map((f) => new TextDecoder().decode(f.bytes)));
      return {
        issues: [
          {
            severity: 'warning' as const,
            code: 'combine-unit-partial' as const,
            sheet: '[三季度.xlsx]评分表',
            cell: 'A9',
            value: '',
            params: { name: '市统计局', periods: ['三季度'] },
          },
        ],
        written: '一季度至四季度-合并.xlsx',
        session,
      };
    });
    renderPane(<App lang="zh" initialSession={null} openFile={async () => session} combine={combine} />);
    fireEvent.click(screen.getByRole('button', { name: '合并各期…' }));
    fireEvent.change(screen.getByTestId('combine-input'), { target: { files: ['四季度.xlsx', '二季度.xlsx', '一季度.xlsx', '三季度.xlsx'].map(file) } });
    const listed = () => screen.getAllByRole('listitem').map((li) => li.textContent!.replace(/↑↓移除$/, ''));
    expect(listed()).toEqual(['1. 一季度.xlsx', '2. 二季度.xlsx', '3. 三季度.xlsx', '4. 四季度.xlsx']);
    fireEvent.click(screen.getByRole('button', { name: '下移 一季度.xlsx' }));
    expect(listed()).toEqual(['1. 二季度.xlsx', '2. 一季度.xlsx', '3. 三季度.xlsx', '4. 四季度.xlsx']);
    fireEvent.click(screen.getByRole('button', { name: '上移 一季度.xlsx' }));
    fireEvent.click(screen.getByRole('button', { name: '合并 4 个工作簿' }));
    expect(await screen.findByText(/已合并为 一季度至四季度-合并.xlsx/)).toBeTruthy();
    expect(got).toEqual([['一季度.xlsx', '二季度.xlsx', '三季度.xlsx', '四季度.xlsx']]);
    // the combined workbook is checked at once; what combining found stays listed
    expect(await screen.findByText('未发现问题，可以计算。')).toBeTruthy();
    expect(screen.getByText('[三季度.xlsx]评分表!A9')).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('合并各期: fewer than two files cannot be combined; refused files list their errors', async () => {
    const combine = jest.fn(async () => ({
      issues: [
        {
          severity: 'error' as const,
          code: 'combine-scheme-differs' as const,
          sheet: '[二季度.xlsx]考核方案',
          cell: '',
          value: '',
          params: { file: '二季度.xlsx', other: '一季度.xlsx' },
        },
      ],
      written: null,
    }));
    renderPane(<App lang="zh" initialSession={null} openFile={async () => excelSession('ex1-departments-30').session} combine={combine} />);
    const one = new File([new Uint8Array([1])], '一季度.xlsx');
    Object.defineProperty(one, 'arrayBuffer', { value: async () => new Uint8Array([1]).buffer });
    fireEvent.change(screen.getByTestId('combine-input'), { target: { files: [one] } });
    expect(screen.getByText('请选择 2 至 24 个工作簿。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '合并 1 个工作簿' }) as HTMLButtonElement).disabled).toBe(true);
    const two = new File([new Uint8Array([2])], '二季度.xlsx');
    Object.defineProperty(two, 'arrayBuffer', { value: async () => new Uint8Array([2]).buffer });
    fireEvent.click(screen.getByRole('button', { name: '添加工作簿' }));
    fireEvent.change(screen.getByTestId('combine-input'), { target: { files: [two] } });
    fireEvent.click(screen.getByRole('button', { name: '合并 2 个工作簿' }));
    expect(await screen.findByText(/1 个错误，未合并/)).toBeTruthy();
    expect(screen.getByText('[二季度.xlsx]考核方案')).toBeTruthy();
    // the files stay chosen, to combine again once fixed
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('输出 in Excel: 新建下一期 and 合并各期 open their workbooks in a new window and say so', async () => {
    const { session } = excelSession('ex1-departments-30');
    const nextPeriod = jest.fn(async () => ({ written: '', issues: [], sharedFormula: null }));
    const combine = jest.fn(async () => ({ issues: [], written: '' }));
    renderPane(<App lang="zh" initialSession={{ ...session, nextPeriod }} combine={combine} />);
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    fireEvent.click(await screen.findByRole('tab', { name: '输出' }));
    expect(screen.getByText(/在新窗口中打开下一期/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '新建下一期' }));
    expect(await screen.findByText(/已在新窗口中打开下一期工作簿/)).toBeTruthy();
    const file = (name: string) => {
      const f = new File([new Uint8Array([1])], name);
      Object.defineProperty(f, 'arrayBuffer', { value: async () => new Uint8Array([1]).buffer });
      return f;
    };
    fireEvent.change(screen.getByTestId('combine-input'), { target: { files: [file('上半年.xlsx'), file('下半年.xlsx')] } });
    fireEvent.click(screen.getByRole('button', { name: '合并 2 个工作簿' }));
    expect(await screen.findByText(/已在新窗口中打开合并的年度工作簿/)).toBeTruthy();
    expect(combine).toHaveBeenCalledTimes(1);
  });

  it('start without 考核方案: 新建考核 from a preset writes the input sheets with validation and a frozen header', async () => {
    const { session, fake } = excelSession({ Sheet1: [['随便写点什么']] });
    renderPane(<App lang="zh" initialSession={session} />);
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    expect(await screen.findByText(/本工作簿还没有“考核方案”/)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: '预设方案' }), { target: { value: 'bsc' } });
    fireEvent.click(screen.getByRole('button', { name: '新建考核' }));
    // the balanced scorecard scores quarterly: a sheet per quarter and one for the 年度 dimensions
    expect(await screen.findByText(/已新建：考核方案、一季度、二季度、三季度、四季度、年度评价、加减分/)).toBeTruthy();
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', '考核方案', '一季度', '二季度', '三季度', '四季度', '年度评价', '加减分']);
    // the heads' 50/50 rule: 部门 and 负责人 instead of 分组
    expect(fake.valuesOf('一季度')[0]).toEqual([
      '序号',
      '名称',
      '部门',
      '负责人',
      '业务指标完成率（100分）',
      '工作数量（40分）',
      '工作时限（30分）',
      '工作质量（30分）',
      '备注',
    ]);
    expect(fake.valuesOf('年度评价')[0]).toEqual(['序号', '名称', '部门', '负责人', '环境评价得分（100分）', '学习培训（100分）', '备注']);
    expect(fake.sheet('一季度').freezeRows).toBe(1);
    expect(fake.sheet('一季度').validations.find((v) => v.address === 'F2:F37')?.rule).toEqual({ decimal: { formula1: 0, formula2: 40, operator: 'Between' } });
    // blank scores are now what the check reports: 6 people in each of four quarters
    expect((await screen.findAllByText(/“业务指标完成率”得分为空/)).length).toBe(24);
  });

  it('start without 考核方案: 识别现有评分表 proposes columns, writes 考核方案 and renames the sheet', async () => {
    const { session, fake } = excelSession({
      打分: [
        ['2026年第三季度打分表'],
        ['序号', '单位', '组别', '目标任务（60分）', '作风', '合计'],
        [1, '甲局', '一组', 50, 35, 85],
        [2, '乙局', '一组', 55, 30, 85],
        [3, '丙局', '二组', 40, 38, 78],
      ],
    });
    renderPane(<App lang="zh" initialSession={session} />);
    fireEvent.click(await screen.findByRole('button', { name: '开始校验' }));
    fireEvent.click(await screen.findByRole('button', { name: '识别' }));
    expect(await screen.findByText('识别到 3 个考核对象。')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: '目标任务' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '合计' }) as HTMLInputElement).checked).toBe(false);
    // no points in the header of 作风: the largest score is proposed, the user corrects it
    const points = screen.getByRole('spinbutton', { name: '作风 分值' }) as HTMLInputElement;
    expect(points.value).toBe('38');
    fireEvent.change(points, { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: '写入考核方案' }));
    expect(await screen.findByText(/已把工作表“打分”改名为“评分表”/)).toBeTruthy();
    expect(fake.sheets.map((s) => s.name)).toEqual(['评分表', '考核方案']);
    const scheme = fake.valuesOf('考核方案');
    expect(scheme.filter((r) => r[2] === '目标任务' || r[2] === '作风').map((r) => [r[2], r[3]])).toEqual([
      ['目标任务', 60],
      ['作风', 40],
    ]);
    await waitFor(() => expect((screen.getByRole('tab', { name: '计算' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('tab', { name: '计算' }));
    expect(await screen.findByText('3 个考核对象')).toBeTruthy();
  });

  it('inside Office without office.js, or in an Excel too old, says so in words and points to the browser page', () => {
    const page = 'https://kaohe.example.gov.cn/taskpane.html?standalone';
    const { unmount } = renderPane(
      <App
        lang="zh"
        initialSession={null}
        hostProblem={{ kind: 'office-unavailable', officeJs: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', browserPage: page }}
      />,
    );
    expect(screen.getByText(/无法加载 office\.js（https:\/\/appsforoffice/)).toBeTruthy();
    expect(screen.getByRole('link', { name: page })).toBeTruthy();
    expect(screen.queryByText('打开工作簿')).toBeNull();
    unmount();
    renderPane(<App lang="en" initialSession={null} hostProblem={{ kind: 'excel-too-old', officeJs: '', browserPage: page }} />);
    expect(screen.getByText(/Excel JavaScript API 1\.7/)).toBeTruthy();
  });
});
