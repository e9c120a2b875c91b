/**
 * WeChat's native tags, made real for the browser. miniprogram-simulate registers
 * input, textarea, button and image as bare <wx-*> hosts with only a <slot/>; here they
 * are registered again (same ids) with their WeChat properties, a real HTML control
 * inside, and the events WeChat would send (input / focus / blur / confirm,
 * getphonenumber for open-type buttons).
 */
import type { BuiltinInstance, ComponentDefinition, SimulateApi } from './types';
import { canvasDefinition } from './pictures';
import { pageMetaDefinition } from './font-size';
import { askPrivacy, markPrivacyAgreed } from './privacy';
import { showModal, showToast } from './ui';

type Field = HTMLInputElement | HTMLTextAreaElement;

function host(inst: BuiltinInstance): HTMLElement {
  return inst._exparserNode.$$;
}

function scratch(inst: BuiltinInstance): Record<string, any> {
  if (!inst.__shell) inst.__shell = {};
  return inst.__shell;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Creates the real control once, wiring its events to WeChat's event names. */
function ensureField(inst: BuiltinInstance, tag: 'input' | 'textarea'): Field {
  const state = scratch(inst);
  if (state.field) return state.field as Field;
  const field = document.createElement(tag);
  field.className = `shell-native-${tag}`;
  const detail = () => ({ value: field.value, cursor: field.selectionStart ?? field.value.length });
  field.addEventListener('input', () => {
    state.lastTyped = field.value;
    inst.triggerEvent('input', { ...detail(), keyCode: 0 });
  });
  field.addEventListener('focus', () => inst.triggerEvent('focus', { value: field.value, height: 0 }));
  field.addEventListener('blur', () => inst.triggerEvent('blur', detail()));
  field.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Enter' && tag === 'input') inst.triggerEvent('confirm', { value: field.value });
  });
  host(inst).appendChild(field);
  state.field = field;
  return field;
}

function syncField(inst: BuiltinInstance, tag: 'input' | 'textarea'): void {
  const field = ensureField(inst, tag);
  const data = inst.data;
  const value = text(data.value);
  // Only write when the app changed the value (formatting, clearing): keeps the caret while typing.
  if (field.value !== value) field.value = value;
  field.placeholder = text(data.placeholder);
  field.disabled = Boolean(data.disabled);
  const max = Number(data.maxlength);
  if (Number.isFinite(max) && max >= 0) field.maxLength = max;
  else field.removeAttribute('maxlength');
  if (field instanceof HTMLInputElement) {
    field.type = data.password ? 'password' : 'text';
    const modes: Record<string, string> = { number: 'numeric', digit: 'decimal', idcard: 'text', tel: 'tel' };
    field.inputMode = modes[text(data.type)] ?? 'text';
    field.enterKeyHint = text(data.confirmType) || 'done';
  }
  if ((data.focus || data.autoFocus) && !scratch(inst).focused) {
    scratch(inst).focused = true;
    setTimeout(() => field.focus(), 0);
  }
}

/**
 * WeChat re-applies a bound value whenever setData sends it, even unchanged; simulate
 * re-renders only what changed. Vant's field binds its <input> to innerValue and clears
 * the box by sending innerValue: '' again (typing never changes innerValue), which
 * simulate drops: the typed text would stay. So when the field that hosts this input
 * sends innerValue, the real control takes it as WeChat's would.
 */
function followOwnerValue(inst: BuiltinInstance, tag: 'input' | 'textarea'): void {
  const state = scratch(inst);
  const owner = inst._exparserNode.ownerShadowRoot?.getHostNode?.()?.__methodCaller;
  if (state.followsOwner || !owner || typeof owner.setData !== 'function') return;
  state.followsOwner = true;
  const setData = owner.setData;
  owner.setData = function followed(this: unknown, data: Record<string, unknown>, callback?: () => void) {
    const result = setData.call(this, data, callback);
    if (data && Object.prototype.hasOwnProperty.call(data, 'innerValue')) ensureField(inst, tag).value = text(data.innerValue);
    return result;
  };
}

function fieldDefinition(tag: 'input' | 'textarea'): ComponentDefinition {
  const sync = function (this: BuiltinInstance) {
    syncField(this, tag);
  };
  const observed = { type: null, value: '', observer: sync };
  return {
    id: tag,
    tagName: `wx-${tag}`,
    template: '<slot/>',
    properties: {
      value: observed,
      type: { type: String, value: 'text', observer: sync },
      password: { type: Boolean, value: false, observer: sync },
      placeholder: { type: String, value: '', observer: sync },
      disabled: { type: Boolean, value: false, observer: sync },
      maxlength: { type: Number, value: 140, observer: sync },
      focus: { type: Boolean, value: false, observer: sync },
      autoFocus: { type: Boolean, value: false, observer: sync },
      confirmType: { type: String, value: 'done', observer: sync },
      autoHeight: { type: Boolean, value: false },
      name: { type: String, value: '' },
    },
    lifetimes: {
      attached(this: BuiltinInstance) {
        syncField(this, tag);
        followOwnerValue(this, tag);
      },
    },
  };
}

let phoneCodeCounter = 0;

/** What an open-type button does in WeChat, imitated with a visible consent dialog. */
async function openTypeTap(inst: BuiltinInstance): Promise<void> {
  const openType = text(inst.data.openType);
  if (!openType || inst.data.disabled) return;
  if (openType === 'getPhoneNumber' || openType === 'getRealtimePhoneNumber') {
    const eventName = openType.toLowerCase();
    if (!(await askPrivacy(openType))) {
      inst.triggerEvent(eventName, { errMsg: `${openType}:fail privacy permission is not authorized`, errno: 104 });
      return;
    }
    const allow = await showModal({
      title: '申请获取你的手机号',
      content: '预览演示：允许后微信会给小程序一个一次性 code，由服务端换取手机号。',
      confirmText: '允许',
      cancelText: '拒绝',
    });
    phoneCodeCounter += 1;
    inst.triggerEvent(
      eventName,
      allow ? { errMsg: `${openType}:ok`, code: `preview-phone-code-${Date.now()}-${phoneCodeCounter}` } : { errMsg: `${openType}:fail user deny` },
    );
    return;
  }
  if (openType === 'agreePrivacyAuthorization') {
    markPrivacyAgreed();
    inst.triggerEvent('agreeprivacyauthorization', {});
    return;
  }
  showToast({ title: `预览中不支持 open-type="${openType}"` });
}

const buttonDefinition: ComponentDefinition = {
  id: 'button',
  tagName: 'wx-button',
  template: '<slot/>',
  properties: {
    openType: { type: String, value: '' },
    disabled: { type: Boolean, value: false },
    loading: { type: Boolean, value: false },
    formType: { type: String, value: '' },
    type: { type: String, value: 'default' },
    size: { type: String, value: 'default' },
    plain: { type: Boolean, value: false },
  },
  lifetimes: {
    attached(this: BuiltinInstance) {
      const state = scratch(this);
      if (state.bound) return;
      state.bound = true;
      host(this).setAttribute('role', 'button');
      this._exparserNode.addListener('tap', () => void openTypeTap(this));
    },
  },
};

function syncImage(this: BuiltinInstance): void {
  const state = scratch(this);
  if (!state.img) {
    state.img = document.createElement('img');
    state.img.className = 'shell-native-img';
    // WeChat leaves a failed image blank (offline: Vant's CDN pictures), not a broken-image icon.
    state.img.addEventListener('error', () => (state.img.style.visibility = 'hidden'));
    state.img.addEventListener('load', () => (state.img.style.visibility = ''));
    host(this).appendChild(state.img);
  }
  const img = state.img as HTMLImageElement;
  const src = text(this.data.src);
  if (src) img.src = src.startsWith('/') ? src.slice(1) : src;
  const fits: Record<string, string> = { aspectFit: 'contain', aspectFill: 'cover', scaleToFill: 'fill', widthFix: 'contain', heightFix: 'contain' };
  img.style.objectFit = fits[text(this.data.mode)] ?? 'fill';
  // widthFix keeps the width and lets the picture's own proportions set the height, as WeChat does.
  const widthFix = text(this.data.mode) === 'widthFix';
  host(this).style.height = widthFix ? 'auto' : '';
  img.style.height = widthFix ? 'auto' : '';
}

const imageDefinition: ComponentDefinition = {
  id: 'image',
  tagName: 'wx-image',
  template: '<slot/>',
  properties: {
    src: { type: String, value: '', observer: syncImage },
    mode: { type: String, value: 'scaleToFill', observer: syncImage },
  },
  lifetimes: { attached: syncImage },
};

export function installBuiltins(simulate: SimulateApi): void {
  for (const definition of [fieldDefinition('input'), fieldDefinition('textarea'), buttonDefinition, imageDefinition, canvasDefinition, pageMetaDefinition]) {
    simulate.load(definition);
  }
}
