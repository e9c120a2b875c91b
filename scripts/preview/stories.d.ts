import type { PreviewDriver } from './driver';
export interface StoryStep {
  shot?: string;
  title?: string;
  wait?: number;
  do?: (driver: PreviewDriver) => Promise<void>;
}
export interface Story {
  name: string;
  steps: StoryStep[];
}
export const STORIES: Story[];
export const DEMO_PHONE: string;
export const SMART_PHONE: string;
