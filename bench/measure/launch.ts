/**
 * Bytes a launch reads from wx storage before the user sees the first page: app.ts's
 * onLaunch and the first render of the home tab. Every wx storage read is synchronous
 * (getStorageSync blocks the logic thread), so that is what stands between a tap on the
 * icon and a usable page. What onLaunch starts in the background (the record check, a
 * shard at a time with a pause between; reconciliation; due auto top-ups) reads after
 * that, and is reported apart: the services run on a clock whose pauses are real timers,
 * as on the phone.
 */
import fs from 'fs';
import path from 'path';
import type { Services } from '../../miniprogram/services/container';
import { storageFake } from '../../test/support/app';
import { settle } from '../../test/support/page-driver';
import { MINIPROGRAM_ROOT } from './paths';
import { renderMeasured } from './set-data';

/** app.ts's pause before the background work (read from the source: app.ts only runs inside App()). */
const BACKGROUND_START_MS = Number(/BACKGROUND_START_MS = (\d+)/.exec(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.ts'), 'utf8'))?.[1] ?? 0);

type ContainerModule = typeof import('../../miniprogram/services/container');

export interface LaunchFigures {
  /** Read by onLaunch before it returned. */
  onLaunchBytes: number;
  /** Read from then until the home tab had rendered (its onLoad and onShow included). */
  firstPageBytes: number;
  /** onLaunch + first page: what the budget is on. */
  totalBytes: number;
  /** Read afterwards by the work onLaunch started in the background, until it settled. */
  backgroundBytes: number;
  /** The keys read before the first page showed, and their bytes, largest first (what to slim). */
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

/** How long the background work is given to finish (10,000 records: 200 shards, 16 ms apart). */
const BACKGROUND_MS = 15000;

export async function measureLaunch(services: Services, records: number): Promise<LaunchFigures> {
  const fake = storageFake();
  const app = loadApp(services);
  fake.resetCounters();
  app.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 });
  const onLaunchBytes = fake.bytesRead();
  const home = await renderMeasured('home', {}, { services });
  const totalBytes = fake.bytesRead();
  const readsBeforePage = fake.reads.length;
  home.driver.unload();
  // The background work begins after app.ts's pause for the first page, and is done when a
  // whole pause goes by without a read.
  await new Promise((resolve) => setTimeout(resolve, BACKGROUND_START_MS + 200));
  for (let waited = 0, last = -1; waited < BACKGROUND_MS && fake.bytesRead() !== last; waited += 200) {
    last = fake.bytesRead();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle(5);
  }
  const backgroundBytes = fake.bytesRead() - totalBytes;
  const byKey = new Map<string, number>();
  for (const read of fake.reads.slice(0, readsBeforePage)) byKey.set(read.key, (byKey.get(read.key) ?? 0) + read.bytes);
  const largestReads = [...byKey.entries()]
    .map(([key, bytes]) => ({ key, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return { onLaunchBytes, firstPageBytes: totalBytes - onLaunchBytes, totalBytes, backgroundBytes, largestReads, records };
}
