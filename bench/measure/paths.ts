/** Folders the bench measures, found from this file so the bench runs from any working directory. */
import path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const MINIPROGRAM_ROOT = path.join(PROJECT_ROOT, 'miniprogram');
