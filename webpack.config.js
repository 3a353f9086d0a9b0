// Builds the task pane into dist/: taskpane.html, scripts, assets, the example workbook and a
// manifest.xml whose URLs all come from ADDIN_BASE_URL (default https://localhost:3000).
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { withBaseUrl } = require('./scripts/manifest-url');

const BASE = process.env.ADDIN_BASE_URL;
// Microsoft's CDN; Microsoft 365 operated by 21Vianet: OFFICE_JS_URL=https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js
const OFFICE_JS_URL = process.env.OFFICE_JS_URL || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
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
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      static: false,
      historyApiFallback: { index: '/taskpane.html' },
      client: { overlay: false },
    },
  };
};
