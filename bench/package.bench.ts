/**
 * @jest-environment node
 */
/**
 * Code package figures: what would upload (own code compiled as DevTools compiles it,
 * plus only the Vant parts the pages reach). The compilers need a Node environment.
 */
import { writeSection, failed } from './measure/output';
import { measurePackage } from './measure/package-size';
import { MINIPROGRAM_ROOT } from './measure/paths';

test('code package', async () => {
  try {
    const measured = await measurePackage(MINIPROGRAM_ROOT);
    writeSection('package', {
      totalBytes: measured.totalBytes,
      minifiedBytes: measured.minifiedBytes,
      byOrigin: measured.byOrigin,
      packages: measured.packages,
      crossPackage: measured.crossPackage,
      compiler: measured.compiler,
      vantComponents: measured.vantComponents,
      unreachableOwn: measured.unreachableOwn,
      missing: measured.missing,
      largestFiles: [...measured.files].sort((a, b) => b.bytes - a.bytes).slice(0, 10),
      files: measured.files.length,
      /** Compared with miniprogram-ci's own reachability by scripts/bench.js, then dropped. */
      paths: measured.files.map((f) => f.path),
    });
  } catch (err) {
    writeSection('package', failed(err));
    throw err;
  }
});
