/**
 * Browser stand-ins for WeChat's native overlays (toast, loading, modal), drawn inside
 * the phone frame so screenshots and the browser test see them like the user would.
 */

let toastTimer: ReturnType<typeof setTimeout> | undefined;

function overlayRoot(): HTMLElement {
  const root = document.getElementById('overlay');
  if (!root) throw new Error('preview shell: #overlay is missing from index.html');
  return root;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export function hideToast(): void {
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = undefined;
  overlayRoot().querySelectorAll('.shell-toast').forEach((el) => el.remove());
}

/** wx.showToast / wx.showLoading: a dark rounded box in the middle of the screen. */
export function showToast(options: { title: string; icon?: string; duration?: number; loading?: boolean }): void {
  hideToast();
  const box = element('div', `shell-toast${options.icon && options.icon !== 'none' ? ' shell-toast--icon' : ''}`);
  box.setAttribute('role', 'status');
  if (options.loading) box.appendChild(element('div', 'shell-toast__spinner'));
  else if (options.icon === 'success') box.appendChild(element('div', 'shell-toast__mark', '✓'));
  else if (options.icon === 'error') box.appendChild(element('div', 'shell-toast__mark', '!'));
  box.appendChild(element('div', 'shell-toast__text', options.title));
  overlayRoot().appendChild(box);
  if (!options.loading) toastTimer = setTimeout(hideToast, options.duration ?? 1500);
}

export interface ModalOptions {
  title?: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
  showCancel?: boolean;
}

/** wx.showModal: resolves true when the user confirms. */
export function showModal(options: ModalOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const mask = element('div', 'shell-modal-mask');
    const dialog = element('div', 'shell-modal');
    dialog.setAttribute('role', 'dialog');
    if (options.title) dialog.appendChild(element('div', 'shell-modal__title', options.title));
    if (options.content) dialog.appendChild(element('div', 'shell-modal__content', options.content));
    const actions = element('div', 'shell-modal__actions');
    const close = (answer: boolean) => {
      mask.remove();
      resolve(answer);
    };
    if (options.showCancel !== false) {
      const cancel = element('button', 'shell-modal__button shell-modal__cancel', options.cancelText || '取消');
      cancel.addEventListener('click', () => close(false));
      actions.appendChild(cancel);
    }
    const confirm = element('button', 'shell-modal__button shell-modal__confirm', options.confirmText || '确定');
    confirm.addEventListener('click', () => close(true));
    actions.appendChild(confirm);
    dialog.appendChild(actions);
    mask.appendChild(dialog);
    overlayRoot().appendChild(mask);
  });
}

/** wx.showActionSheet: resolves with the chosen index, or -1 when cancelled. */
export function showActionSheet(items: string[]): Promise<number> {
  return new Promise((resolve) => {
    const mask = element('div', 'shell-modal-mask shell-sheet-mask');
    const sheet = element('div', 'shell-sheet');
    const close = (index: number) => {
      mask.remove();
      resolve(index);
    };
    items.forEach((item, index) => {
      const button = element('button', 'shell-sheet__item', item);
      button.addEventListener('click', () => close(index));
      sheet.appendChild(button);
    });
    const cancel = element('button', 'shell-sheet__item shell-sheet__cancel', '取消');
    cancel.addEventListener('click', () => close(-1));
    sheet.appendChild(cancel);
    mask.appendChild(sheet);
    overlayRoot().appendChild(mask);
  });
}
