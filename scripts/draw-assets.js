#!/usr/bin/env node
/**
 * `npm run draw-assets`: rasterises the pictures in scripts/assets/drawings.js into
 * miniprogram/assets/ with the headless Chromium the project uses for its preview
 * (scripts/install-chromium.sh): the tab icons at 81 × 81 px (WeChat's suggested size,
 * PNG only, at most 40 KB each) for light and dark, in theme.json's tab colours, and the
 * empty-state pictures at 2× their 160 px display size. Chromium draws each SVG on a
 * canvas; the pixels are written as palette PNGs (scripts/assets/png.js) to stay small.
 * The PNGs are committed; run this again after changing a drawing or a tab colour.
 */
const fs = require('fs');
const path = require('path');
const { launchChromium } = require('./preview/browser');
const { tabIconSvg, emptySvg, TAB_SHAPES, EMPTY_SCENES } = require('./assets/drawings');
const { encodeIndexedPng } = require('./assets/png');

const root = path.resolve(__dirname, '..');
const mpRoot = path.join(root, 'miniprogram');
const TAB_SIZE = 81;
const EMPTY_SIZE = 320;
/** Mid grey for the empty-state lines: visible on the light page (#ededed) and the dark one (#111). */
const EMPTY_LINE = '#9a9a9a';

function brandColour() {
  const theme = fs.readFileSync(path.join(mpRoot, 'styles', 'theme.wxss'), 'utf8');
  const match = /--theme-brand:\s*(#[0-9a-f]{6})/i.exec(theme);
  if (!match) throw new Error('styles/theme.wxss defines no --theme-brand');
  return match[1];
}

/** Every picture to draw: where it goes, its SVG and its pixel size. */
function pictures() {
  const theme = JSON.parse(fs.readFileSync(path.join(mpRoot, 'theme.json'), 'utf8'));
  const list = [];
  for (const [scheme, suffix] of [['light', ''], ['dark', '-dark']]) {
    const colours = theme[scheme];
    for (const name of Object.keys(TAB_SHAPES)) {
      list.push({ file: `assets/tab/${name}${suffix}.png`, svg: tabIconSvg(name, { color: colours.tabColor, selected: false }), size: TAB_SIZE });
      list.push({ file: `assets/tab/${name}-selected${suffix}.png`, svg: tabIconSvg(name, { color: colours.tabSelectedColor, selected: true }), size: TAB_SIZE });
    }
  }
  for (const name of EMPTY_SCENES) {
    list.push({ file: `assets/empty/${name}.png`, svg: emptySvg(name, { line: EMPTY_LINE, accent: brandColour() }), size: EMPTY_SIZE });
  }
  return list;
}

/** In the browser: the SVG drawn on a canvas, its RGBA pixels as base64. */
async function rasterise(page, svg, size) {
  return page.evaluate(
    async ({ svg: source, size: px }) => {
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = px;
      canvas.height = px;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, px, px);
      const { data } = context.getImageData(0, 0, px, px);
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { svg, size },
  );
}

async function main() {
  const { browser, close } = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>draw</title>');
    let total = 0;
    for (const picture of pictures()) {
      const rgba = Buffer.from(await rasterise(page, picture.svg, picture.size), 'base64');
      const png = encodeIndexedPng(picture.size, picture.size, rgba);
      const out = path.join(mpRoot, picture.file);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, png);
      total += png.length;
      console.log(`${picture.file.padEnd(36)} ${picture.size}×${picture.size}  ${(png.length / 1024).toFixed(1)} KB`);
    }
    console.log(`${(total / 1024).toFixed(1)} KB in all`);
  } finally {
    await close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  });
}

module.exports = { pictures };
