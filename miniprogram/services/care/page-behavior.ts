/**
 * Mixed into every page: puts `care` and `fontRoot` (view/care.ts) in the page's data when
 * it attaches, and follows later changes of the 长辈模式 switch while the page stays open.
 * Only what changed is sent.
 */
import { careLook } from '../../view/care';
import { services } from '../container';

type Owner = WechatMiniprogram.Component.TrivialInstance & { __careOff?: () => void };

function show(owner: Owner, on: boolean): void {
  const look = careLook(on);
  const shown = owner.data as Partial<typeof look>;
  if (shown.care === look.care && shown.fontRoot === look.fontRoot) return;
  owner.setData(look);
}

export const careMode = Behavior({
  data: careLook(false),
  lifetimes: {
    attached(this: Owner) {
      const care = services().care;
      show(this, care.enabled());
      this.__careOff = care.subscribe((on) => show(this, on));
    },
    detached(this: Owner) {
      this.__careOff?.();
      this.__careOff = undefined;
    },
  },
});
