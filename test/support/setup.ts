/**
 * Runs before every test file: miniprogram-simulate installs its `wx` stubs and the
 * Component/Behavior constructors, its compilers answer from a disk cache where they can
 * (compile-cache.ts); then storage is replaced with a faithful fake.
 */
import simulate from 'miniprogram-simulate';
import { WxStorageFake } from './wx-storage-fake';
import { installDefinitionReplay } from './replay-definitions';
import { fillSimulatorGaps } from './simulator-gaps';
import { installCompileCache } from './compile-cache';

void simulate;
installCompileCache();
installDefinitionReplay();
fillSimulatorGaps();

declare global {
  var __wxStorage: WxStorageFake;
}

const storage = new WxStorageFake();
globalThis.__wxStorage = storage;
storage.installOn((globalThis as any).wx as Record<string, unknown>);
