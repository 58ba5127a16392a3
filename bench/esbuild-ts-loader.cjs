// webpack has no TypeScript of its own: the bundler benchmark gives the code base's few .ts files
// this minimal loader (esbuild's transform, types stripped) in both variants, so that the ratio
// counts our plugin only.
const esbuild = require('esbuild');

module.exports = function esbuildTsLoader(code) {
  const done = this.async();
  esbuild.transform(code, { loader: 'ts', sourcefile: this.resourcePath }).then((result) => done(null, result.code), done);
};
