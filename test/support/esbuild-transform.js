/**
 * Jest's TypeScript transform: esbuild strips the types, file by file (tsconfig already
 * asks for isolatedModules, so nothing needs the whole program). Type errors are tsc's
 * job in `npm test` (npm run typecheck), so ts-jest's TypeScript program in every
 * worker was work done twice.
 */
const crypto = require('crypto');
const esbuild = require('esbuild');

/** tsc's semantics for what esbuild would otherwise read from a tsconfig: class fields as assignments (target ES2018). */
const OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, esModuleInterop: true } },
};

module.exports = {
  process(source, filename) {
    const { code } = esbuild.transformSync(source, { ...OPTIONS, sourcefile: filename });
    return { code };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha256').update(esbuild.version).update(JSON.stringify(OPTIONS)).update(filename).update('\0').update(source).digest('hex');
  },
};
