/** What 充值 says about the address book and the recent numbers. Pure text. */

/** The confirm dialog before 清空: the list cannot be brought back. */
export const CLEAR_RECENT = { title: '清空最近查询', content: '最近查询过的号码都会删除，已绑定的号码不受影响。', confirmText: '清空', cancelText: '取消' };

function who(name: string): string {
  return name ? `「${name}」` : '联系人';
}

/** After a number came from the address book: whose it is, masked. */
export function contactFilled(name: string, masked: string): string {
  return `已填入${who(name)}的号码 ${masked}`;
}

/** The sheet of a contact's numbers closed without a choice. */
export function contactSheetCancelled(name: string): string {
  return `没有选择${who(name)}的号码，号码没有改动`;
}
