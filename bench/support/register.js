'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS: it compiles what follows */
// Runs a bench's server processes from their TypeScript the way the build compiles it (one file at
// a time, no type check), without ts-node: ts-node loads node:repl, which loads node:domain, and
// that makes every EventEmitter of the process slower (2–3 % of a server's CPU under bench/events),
// a cost the compiled product (`npm start`) does not have.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const configFile = path.join(__dirname, '..', '..', 'tsconfig.json');
const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.dirname(configFile));
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, declaration: false };

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
