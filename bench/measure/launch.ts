/**
 * Bytes a launch reads from wx storage before the user sees the first page: app.ts's
 * onLaunch (opening the record store, starting the check of unsettled orders) and the
 * first render of the home tab, until both have settled. Every wx storage read is
 * synchronous (getStorageSync blocks the logic thread), so all of it counts.
 */
import path from 'path';
import type { Services } from '../../miniprogram/services/container';
import { storageFake } from '../../test/support/app';
import { settle } from '../../test/support/page-driver';
import { MINIPROGRAM_ROOT } from './paths';
import { renderMeasured } from './set-data';

type ContainerModule = typeof import('../../miniprogram/services/container');

export interface LaunchFigures {
  /** Read by onLaunch before it returned. */
  onLaunchBytes: number;
  /** Read after onLaunch returned, while its launch check ran, until it settled. */
  launchCheckBytes: number;
  /** Read by the home tab's onLoad and onShow. */
  firstPageBytes: number;
  totalBytes: number;
  /** The keys read and their bytes, largest first (what to slim). */
  largestReads: { key: string; bytes: number }[];
  records: number;
}

interface AppOptions {
  onLaunch?: (options: Record<string, unknown>) => void;
}

/** Runs app.ts's App() definition against these services and returns it. */
function loadApp(services: Services): AppOptions {
  let captured: AppOptions | null = null;
  const globals = globalThis as unknown as { App?: (options: AppOptions) => void };
  const previous = globals.App;
  globals.App = (options) => {
    captured = options;
  };
  try {
    jest.isolateModules(() => {
      jest.requireActual<ContainerModule>('../../miniprogram/services/container').installServices({ ...services });
      jest.requireActual(path.join(MINIPROGRAM_ROOT, 'app.ts'));
    });
  } finally {
    globals.App = previous;
  }
  if (!captured) throw new Error('app.ts did not call App()');
  return captured;
}

export async function measureLaunch(services: Services, records: number): Promise<LaunchFigures> {
  const fake = storageFake();
  const app = loadApp(services);
  fake.resetCounters();
  app.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 });
  const onLaunchBytes = fake.bytesRead();
  await settle(20);
  const launchCheckBytes = fake.bytesRead() - onLaunchBytes;
  const home = await renderMeasured('home', {}, { services });
  const totalBytes = fake.bytesRead();
  home.driver.unload();
  const byKey = new Map<string, number>();
  for (const read of fake.reads) byKey.set(read.key, (byKey.get(read.key) ?? 0) + read.bytes);
  const largestReads = [...byKey.entries()]
    .map(([key, bytes]) => ({ key, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return { onLaunchBytes, launchCheckBytes, firstPageBytes: totalBytes - onLaunchBytes - launchCheckBytes, totalBytes, largestReads, records };
}
