// Builds the task pane into dist/: taskpane.html, scripts, assets, the example workbook and a
// manifest.xml whose URLs all come from ADDIN_BASE_URL (default https://localhost:3000).
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { withBaseUrl } = require('./scripts/manifest-url');
const { devHttpsOptions } = require('./scripts/dev-certs');

const BASE = process.env.ADDIN_BASE_URL;
// Where the pane loads office.js from. Default: Microsoft's CDN (always the office.js that matches
// the Office version). OFFICE_JS=self: the add-in's own copy from @microsoft/office-js, for
// networks that cannot reach the CDN. OFFICE_JS_URL: any address (21Vianet:
// https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js).
const SELF_HOSTED = process.env.OFFICE_JS === 'self';
const OFFICE_JS_URL = process.env.OFFICE_JS_URL || (SELF_HOSTED ? 'office-js/office.js' : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
/** The files of @microsoft/office-js that Excel needs: office.js, the Excel runtimes and the zh/en strings (copied as they are). */
const OFFICE_JS_FILES = [
  { from: 'node_modules/@microsoft/office-js/dist/office.js', to: 'office-js/' },
  { from: 'node_modules/@microsoft/office-js/dist/es6-promise.js', to: 'office-js/' },
  { from: 'node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js', to: 'office-js/' },
  { from: 'node_modules/@microsoft/office-js/dist/excel-*.js', to: 'office-js/[name][ext]', globOptions: { ignore: ['**/*.debug.js'] } },
  { from: 'node_modules/@microsoft/office-js/dist/zh-cn/office_strings.js', to: 'office-js/zh-cn/' },
  { from: 'node_modules/@microsoft/office-js/dist/en-us/office_strings.js', to: 'office-js/en-us/' },
].map((pattern) => ({ ...pattern, info: { minimized: true } }));

/** TypeScript through ts-loader (types are checked by `npm run typecheck`, not here). */
const tsRule = (sourceMap) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  loader: 'ts-loader',
  options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap } },
});
const EXAMPLE = 'examples/ex1-departments-30.xlsx';
const SINGLE_TEMP = path.resolve(__dirname, 'build', 'single-file');
const WORKER_SCRIPT_ID = 'kaoping-worker';

/** Scripts inside an HTML page: `</script` may not appear in them (it only can inside strings and patterns, where `<\/` means the same). */
const inlineScript = (code) => code.replace(/<\/script/gi, '<\\/script');

/**
 * Makes dist/kaoping.html: the page with its script and its worker's inside, for opening straight
 * from disk (file://), with no server and no network. The worker is built first (single-worker).
 */
class SingleFilePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('SingleFile', () => {
      const out = compiler.options.output.path;
      const pageFile = path.join(out, 'kaoping-page.js');
      const page = fs.readFileSync(pageFile, 'utf8');
      const worker = fs.readFileSync(path.join(SINGLE_TEMP, 'worker.js'), 'utf8');
      const template = fs.readFileSync(path.resolve(__dirname, 'src/taskpane/taskpane.html'), 'utf8');
      // the licences of the libraries inside, as the minifier gathered them
      const licences = [pageFile, path.join(SINGLE_TEMP, 'worker.js')].map((f) => `${f}.LICENSE.txt`).filter((f) => fs.existsSync(f));
      const notice = licences.map((f) => fs.readFileSync(f, 'utf8').replace(/--/g, '- -')).join('\n');
      const scripts = `<!--\n${notice}\n-->\n<script type="text/plain" id="${WORKER_SCRIPT_ID}">${inlineScript(worker)}</script>\n<script>${inlineScript(page)}</script>\n`;
      // a function, so that `$` in the scripts is not read as a replacement pattern
      fs.writeFileSync(path.join(out, 'kaoping.html'), template.replace('</body>', () => `${scripts}</body>`));
      for (const f of [pageFile, `${pageFile}.LICENSE.txt`]) fs.rmSync(f, { force: true });
    });
  }
}

/** kaoping.html's two builds: the worker alone, then the page around it (after the pane, which empties dist/). */
function singleFileConfigs() {
  const defines = (example) =>
    new webpack.DefinePlugin({ SINGLE_FILE: 'true', OFFICE_JS_URL: '""', EXAMPLE_DATA_URL: JSON.stringify(example) });
  const common = { mode: 'production', devtool: false, resolve: { extensions: ['.ts', '.tsx', '.js'] }, module: { rules: [tsRule(false)] }, performance: { hints: false } };
  const exampleUrl = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${fs.readFileSync(path.resolve(__dirname, EXAMPLE)).toString('base64')}`;
  return [
    {
      ...common,
      name: 'single-worker',
      dependencies: ['pane'],
      target: 'webworker',
      entry: { worker: './src/taskpane/file-worker.ts' },
      output: { path: SINGLE_TEMP, filename: '[name].js', clean: true },
      plugins: [defines(''), new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    },
    {
      ...common,
      name: 'single-page',
      dependencies: ['single-worker'],
      entry: { 'kaoping-page': './src/taskpane/index.tsx' },
      output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: false },
      plugins: [defines(exampleUrl), new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new SingleFilePlugin()],
    },
  ];
}

// `--env https` (npm start): the dev server at the manifest's https://localhost:3000
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const server = env.https ? { type: 'https', options: await devHttpsOptions() } : 'http';
  const pane = {
    name: 'pane',
    devtool: dev ? 'eval-source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [tsRule(dev)],
    },
    plugins: [
      new webpack.DefinePlugin({ OFFICE_JS_URL: JSON.stringify(OFFICE_JS_URL), SINGLE_FILE: 'false', EXAMPLE_DATA_URL: '""' }),
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: EXAMPLE, to: 'examples/' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => withBaseUrl(content.toString(), BASE) },
          ...(SELF_HOSTED ? OFFICE_JS_FILES : []),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      server,
      static: false,
      historyApiFallback: { index: '/taskpane.html' },
      client: { overlay: false },
    },
  };
  // the production build also makes kaoping.html; the dev server serves the pane alone
  return dev ? pane : [pane, ...singleFileConfigs()];
};
