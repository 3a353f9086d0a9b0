// Builds the task pane into dist/: taskpane.html, scripts, assets, the example workbook and a
// manifest.xml whose URLs all come from ADDIN_BASE_URL (default https://localhost:3000).
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

// `--env https` (npm start): the dev server at the manifest's https://localhost:3000
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const server = env.https ? { type: 'https', options: await devHttpsOptions() } : 'http';
  return {
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
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ OFFICE_JS_URL: JSON.stringify(OFFICE_JS_URL) }),
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'examples/ex1-departments-30.xlsx', to: 'examples/' },
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
};
