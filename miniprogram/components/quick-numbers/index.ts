/**
 * 充值's quick picks: the bound numbers, then the recent ones, each with its carrier and
 * 归属地. A recent number is removed by swiping it (or its ×), all of them by 清空.
 * Properties: `rows` (view/quick-numbers.ts). Events: `pick`, `remove` ({ index }), and
 * `clear`; the page asks before clearing and owns the numbers.
 */
Component({
  properties: {
    rows: { type: Array, value: [] as unknown[] },
  },

  data: {
    hasRecent: false,
  },

  observers: {
    rows(rows: { bound?: boolean }[]) {
      const hasRecent = Array.isArray(rows) && rows.some((row) => row && !row.bound);
      if (hasRecent !== this.data.hasRecent) this.setData({ hasRecent });
    },
  },

  methods: {
    onPick(event: WechatMiniprogram.BaseEvent) {
      this.triggerEvent('pick', { index: Number(event.currentTarget.dataset.index) });
    },

    onRemove(event: WechatMiniprogram.BaseEvent) {
      this.triggerEvent('remove', { index: Number(event.currentTarget.dataset.index) });
    },

    onClear() {
      this.triggerEvent('clear');
    },
  },
});
