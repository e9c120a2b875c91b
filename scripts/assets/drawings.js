/**
 * The mini-program's pictures as SVG, drawn for this project: four tab icons (an outline
 * for a tab at rest, a solid shape for the selected tab) and three empty-state scenes.
 * Colours come in as arguments, so theme.json stays the one place they are chosen.
 */

/** Tab icon shapes on a 24-unit grid: `body` is the outline, `details` the inner strokes. */
const TAB_SHAPES = {
  home: {
    body: 'M4 10.2 12 3.8l8 6.4v9.3a1.5 1.5 0 0 1-1.5 1.5h-4.2v-6h-4.6v6H5.5A1.5 1.5 0 0 1 4 19.5z',
    details: '',
  },
  'top-up': {
    body: 'M8.5 2.8h7a2.5 2.5 0 0 1 2.5 2.5v13.4a2.5 2.5 0 0 1-2.5 2.5h-7A2.5 2.5 0 0 1 6 18.7V5.3a2.5 2.5 0 0 1 2.5-2.5z',
    // A lightning bolt: charging the card.
    details: 'M12.9 7.2 10.2 12h2.6l-1.6 4.6 3.4-5.6h-2.7z',
    detailsFilled: true,
  },
  records: {
    body: 'M7 3h10a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
    details: 'M8.8 8.2h6.4M8.8 12h6.4M8.8 15.8h4',
  },
  mine: {
    body: 'M12 3.6a4.1 4.1 0 1 1 0 8.2 4.1 4.1 0 0 1 0-8.2zM4.6 20.4c.7-4.1 3.7-6.6 7.4-6.6s6.7 2.5 7.4 6.6z',
    details: '',
  },
};

/**
 * @param {keyof typeof TAB_SHAPES} name
 * @param {{ color: string, selected: boolean }} style
 */
function tabIconSvg(name, { color, selected }) {
  const shape = TAB_SHAPES[name];
  if (!shape) throw new Error(`no tab icon named ${name}`);
  const stroke = `stroke="${color}" stroke-linecap="round" stroke-linejoin="round"`;
  if (!selected) {
    const details = shape.details ? `<path d="${shape.details}" fill="${shape.detailsFilled ? color : 'none'}" ${stroke} stroke-width="${shape.detailsFilled ? 1.1 : 1.7}"/>` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${shape.body}" fill="none" ${stroke} stroke-width="1.7"/>${details}</svg>`;
  }
  // Solid: the body filled, its details cut out so the bar's colour shows through.
  const cut = shape.details
    ? `<path d="${shape.details}" fill="${shape.detailsFilled ? 'black' : 'none'}" stroke="black" stroke-width="${shape.detailsFilled ? 1.1 : 1.9}" stroke-linecap="round" stroke-linejoin="round"/>`
    : '';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">',
    `<mask id="cut"><rect width="24" height="24" fill="white"/>${cut}</mask>`,
    `<path d="${shape.body}" fill="${color}" ${stroke} stroke-width="1.7" mask="url(#cut)"/>`,
    '</svg>',
  ].join('');
}

/**
 * Empty-state scenes on a 160-unit grid. Mid-grey lines and translucent fills read on a
 * light page and on a dark one alike (the picture cannot switch with the theme), with
 * one touch of the brand green.
 */
function emptySvg(name, { line, accent }) {
  const ground = `<ellipse cx="80" cy="138" rx="52" ry="7" fill="${line}" fill-opacity="0.14"/>`;
  const line4 = `fill="none" stroke="${line}" stroke-linecap="round" stroke-linejoin="round" stroke-width="4"`;
  const line3 = `fill="none" stroke="${line}" stroke-linecap="round" stroke-linejoin="round" stroke-width="3"`;
  const scenes = {
    // No number bound yet: a SIM card with its chip, and a green "+".
    cards: [
      `<path d="M50 30h42l20 20v72a6 6 0 0 1-6 6H50a6 6 0 0 1-6-6V36a6 6 0 0 1 6-6z" fill="${line}" fill-opacity="0.12"/>`,
      `<path d="M50 30h42l20 20v72a6 6 0 0 1-6 6H50a6 6 0 0 1-6-6V36a6 6 0 0 1 6-6z" ${line4}/>`,
      `<rect x="58" y="62" width="38" height="32" rx="5" ${line4}/>`,
      `<path d="M77 62v32M58 78h38" ${line3}/>`,
      `<circle cx="112" cy="112" r="17" fill="${accent}"/>`,
      '<path d="M112 103v18M103 112h18" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>',
    ],
    // No renewal yet: a receipt with a torn edge, a green heading and blank lines.
    records: [
      `<path d="M48 26h64v100l-8-6-8 6-8-6-8 6-8-6-8 6-8-6-8 6z" fill="${line}" fill-opacity="0.12"/>`,
      `<path d="M48 26h64v100l-8-6-8 6-8-6-8 6-8-6-8 6-8-6-8 6z" ${line4}/>`,
      `<path d="M62 50h36" fill="none" stroke="${accent}" stroke-width="5" stroke-linecap="round"/>`,
      `<path d="M62 68h36M62 84h22" ${line4} stroke-opacity="0.7"/>`,
    ],
    // Nothing matches: a page under a magnifying glass.
    search: [
      `<rect x="40" y="28" width="60" height="80" rx="6" fill="${line}" fill-opacity="0.12"/>`,
      `<rect x="40" y="28" width="60" height="80" rx="6" ${line4}/>`,
      `<path d="M52 48h30M52 62h22" ${line4} stroke-opacity="0.7"/>`,
      `<circle cx="96" cy="92" r="20" fill="${line}" fill-opacity="0.1"/>`,
      `<circle cx="96" cy="92" r="20" fill="none" stroke="${accent}" stroke-width="5"/>`,
      `<path d="M110 107l14 14" stroke="${accent}" stroke-width="7" stroke-linecap="round"/>`,
    ],
  };
  if (!scenes[name]) throw new Error(`no empty-state picture named ${name}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160">${ground}${scenes[name].join('')}</svg>`;
}

module.exports = { TAB_SHAPES, tabIconSvg, emptySvg, EMPTY_SCENES: ['cards', 'records', 'search'] };
