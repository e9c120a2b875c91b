/**
 * Turns the measured sections into budget verdicts and a printed table. Sizes are
 * printed in KB = 1,024 bytes and MB = 1,024 KB, the units of WeChat's own limits
 * (1 MB a storage key, 10 MB of storage, 2 MB a package).
 */
const budgets = require('./budgets.json');

const KB = 1024;
const MB = 1024 * 1024;

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function size(bytes) {
  if (bytes >= MB) return `${(bytes / MB).toFixed(2)} MB`;
  if (bytes >= KB) return kb(bytes);
  return `${bytes} B`;
}

function pct(share) {
  return `${(share * 100).toFixed(2)}%`;
}

function times(ratio) {
  return `${ratio >= 100 ? Math.round(ratio) : ratio.toFixed(1)}×`;
}

function verdict(pass) {
  return pass ? 'PASS' : 'FAIL';
}

/** One checked budget: what was measured, against what, and whether it holds. */
function check(id, label, figure, limitText, pass) {
  return { id, label, figure, limit: limitText, verdict: verdict(pass) };
}

function isFailed(section) {
  return !section || typeof section.error === 'string';
}

function auditBudget(ci) {
  if (!ci || !ci.ok) return [];
  const passed = ci.checks.filter((c) => c.success);
  const failedNames = ci.checks.filter((c) => !c.success).map((c) => c.name);
  return [
    check('package.audit', `DevTools 代码质量 checks (miniprogram-ci checkCodeQuality)${failedNames.length ? `; failing: ${failedNames.join(', ')}` : ''}`, `${passed.length} of ${ci.checks.length}`, 'all', failedNames.length === 0),
  ];
}

function packageBudgets(pkg) {
  if (isFailed(pkg)) return [];
  const [main, ...subs] = pkg.packages;
  const largestSub = subs.reduce((best, part) => (part.minifiedBytes > best.minifiedBytes ? part : best), { name: '—', minifiedBytes: 0, bytes: 0 });
  const largestUnminified = Math.max(...pkg.packages.map((part) => part.bytes));
  return [
    check('package.main', 'main package as uploaded (compiled and minified as project.config.json asks)', size(main.minifiedBytes), `≤ ${size(budgets.mainPackageBytes)}`, main.minifiedBytes <= budgets.mainPackageBytes),
    check('package.subpackage', `largest subpackage as uploaded (${largestSub.name})`, size(largestSub.minifiedBytes), `≤ ${size(budgets.subpackageBytes)}`, largestSub.minifiedBytes <= budgets.subpackageBytes),
    check('package.unminifiedLimit', "largest package even unminified, against WeChat's 2 MB per package", size(largestUnminified), `≤ ${size(budgets.packageLimitBytes)}`, largestUnminified <= budgets.packageLimitBytes),
    check('package.crossPackage', 'references across packages WeChat cannot follow', String(pkg.crossPackage.length), '0', pkg.crossPackage.length === 0),
  ];
}

/** The app's own share of a segment: the page and our components (Vant's internal setData is shown apart). */
function appBytes(seg) {
  return seg.byOrigin.page.bytes + seg.byOrigin.own.bytes;
}

function nodesText(w) {
  return `${w.nodes} nodes, depth ${w.depth}, ≤ ${w.maxChildren} children`;
}

function nodesPass(w) {
  return w.nodes < budgets.wxmlNodesBelow && w.depth < budgets.wxmlDepthBelow && w.maxChildren <= budgets.wxmlChildrenMax;
}

const NODES_LIMIT = `< ${budgets.wxmlNodesBelow.toLocaleString('en-US')} nodes, depth < ${budgets.wxmlDepthBelow}, ≤ ${budgets.wxmlChildrenMax} children`;

/** Budgets on every setData of every component (page, ours, Vant's), as WeChat sends them. */
function setDataBudgets(setData) {
  if (isFailed(setData)) return [];
  const rows = [];
  for (const [page, seg] of Object.entries(setData.firstRender)) {
    if (isFailed(seg)) continue;
    rows.push(check(`firstRender.${page}`, `first render: ${page} (every component)`, size(seg.totalBytes), `≤ ${size(budgets.firstRenderBytes)}`, seg.totalBytes <= budgets.firstRenderBytes));
  }
  for (const [page, seg] of Object.entries(setData.firstRender)) {
    if (isFailed(seg) || !seg.wxml) continue;
    rows.push(check(`wxml.${page}`, `WXML at first render: ${page}`, nodesText(seg.wxml), NODES_LIMIT, nodesPass(seg.wxml)));
  }
  for (const action of setData.actions) {
    if (isFailed(action) || action.action.startsWith('first page')) continue;
    rows.push(check(`action.${action.page}.${action.action}`, `action: ${action.page} · ${action.action} (every component)`, size(action.totalBytes), `≤ ${size(budgets.actionBytes)}`, action.totalBytes <= budgets.actionBytes));
  }
  const journey = setData.journey;
  if (journey && !isFailed(journey)) {
    rows.push(check('journey.lookups', `gateway lookups in one renewal journey (by ${journey.lookupsBy.join(', ') || '—'})`, String(journey.lookups), `≤ ${budgets.lookupsPerJourney}`, journey.lookups <= budgets.lookupsPerJourney));
    rows.push(check('journey.topUps', 'gateway top-ups in one renewal journey', String(journey.topUps), `= ${budgets.topUpsPerJourney}`, journey.topUps === budgets.topUpsPerJourney));
  }
  return rows;
}

/** A user with 10,000 records: the launch, and the records list scrolled down 500 rows and back. */
function tenThousandBudgets(section) {
  if (isFailed(section)) return [];
  const rows = [];
  const { launch, list } = section;
  if (launch && !isFailed(launch)) {
    rows.push(check('launch.read10k', `bytes read from storage before the first page shows (onLaunch + home tab), ${section.records.toLocaleString('en-US')} records`, size(launch.totalBytes), `≤ ${size(budgets.launchReadBytes)}`, launch.totalBytes <= budgets.launchReadBytes));
  }
  if (list && !isFailed(list)) {
    const depthRows = list.atDepth.rows;
    rows.push(check('wxml.records.scrolled', `WXML on records, worst while scrolling ${depthRows} rows down and back up (${section.records.toLocaleString('en-US')} records)`, nodesText(list.worst), NODES_LIMIT, nodesPass(list.worst)));
    rows.push(check('wxml.records.atDepth', `WXML on records after scrolling ${depthRows} rows`, nodesText(list.atDepth.wxml), NODES_LIMIT, nodesPass(list.atDepth.wxml)));
    rows.push(check('action.records.scroll step', 'action: records · one screen of scrolling, largest over the way down and up (every component)', size(list.worst.stepBytes), `≤ ${size(budgets.actionBytes)}`, list.worst.stepBytes <= budgets.actionBytes));
    rows.push(check('action.records.deep load more', `action: records · load more, largest down to row ${depthRows} (every component)`, size(list.worst.loadMoreBytes), `≤ ${size(budgets.actionBytes)}`, list.worst.loadMoreBytes <= budgets.actionBytes));
    const kept = list.listHeight.down === list.listHeight.up && list.topHeading.first !== '' && list.topHeading.first === list.topHeading.back;
    rows.push(check('list.scrollBack', 'records back at the top: same list height and the same first month heading and totals', kept ? 'same' : `height ${list.listHeight.down} → ${list.listHeight.up}; "${list.topHeading.first}" → "${list.topHeading.back}"`, 'same', kept));
  }
  return rows;
}

function recordBudgets(records) {
  if (isFailed(records)) return [];
  const at10k = records.sharded.find((f) => f.count === 10000);
  const naive10k = records.naive.find((f) => f.count === 10000);
  if (!at10k || !naive10k) return [];
  const ratio = records.appendBytesRatio['10000'];
  return [
    check('records.storage10k', '10,000 records: storage used', size(at10k.storageBytes), `≤ ${size(budgets.recordsAt10kBytes)}`, at10k.fits && at10k.storageBytes <= budgets.recordsAt10kBytes),
    check('records.largestKey10k', '10,000 records: largest key', size(at10k.largestKey.bytes), `≤ ${size(budgets.itemLimitBytes)}`, at10k.largestKey.bytes <= budgets.itemLimitBytes),
    check('records.append10k', '10,000 records: append cheaper than naive (bytes written, dearest of 50)', times(ratio.worst), `≥ ${budgets.appendCheaperThanNaive}×`, ratio.worst >= budgets.appendCheaperThanNaive),
    check('records.newestPage10k', '10,000 records: newest page reads (share of stored)', pct(at10k.newestPage.share), `≤ ${pct(budgets.newestPageReadShare)}`, at10k.newestPage.share <= budgets.newestPageReadShare),
  ];
}

/** Figures that could not be measured: the bench itself is broken and says where. */
function brokenFigures(sections) {
  const broken = [];
  for (const [name, section] of Object.entries(sections)) {
    if (!section) broken.push(`${name}: no figures were written`);
    else if (isFailed(section)) broken.push(`${name}: ${section.error}`);
  }
  const setData = sections['set-data'];
  if (setData && !isFailed(setData)) {
    for (const [page, seg] of Object.entries(setData.firstRender)) if (isFailed(seg)) broken.push(`first render of ${page}: ${seg.error}`);
    for (const action of setData.actions) if (isFailed(action)) broken.push(`${action.page} · ${action.action}: ${action.error}`);
    if (setData.journey && isFailed(setData.journey)) broken.push(`renewal journey: ${setData.journey.error}`);
  }
  const tenThousand = sections['records-10k'];
  if (tenThousand && !isFailed(tenThousand)) {
    for (const part of ['launch', 'list']) if (isFailed(tenThousand[part])) broken.push(`10,000 records, ${part}: ${tenThousand[part].error}`);
  }
  return broken;
}

/** Does WeChat's own reachability (miniprogram-ci) agree with the bench's file walk? Drops the long lists. */
function compareReachability(pkg, ci) {
  if (isFailed(pkg) || !ci || !ci.ok || !Array.isArray(pkg.paths)) return;
  // The audit's copy is compiled without Babel, so it has no @babel/runtime helper files.
  const isHelper = (p) => p.startsWith('@babel/runtime/');
  const bench = new Set(pkg.paths.filter((p) => !isHelper(p)));
  const wechat = new Set(ci.analyse.reachablePaths || []);
  ci.analyse.agreesWithBench = {
    same: bench.size === wechat.size && [...bench].every((p) => wechat.has(p)),
    onlyBench: [...bench].filter((p) => !wechat.has(p)),
    onlyCi: [...wechat].filter((p) => !bench.has(p)),
    helpersNotCompared: pkg.paths.filter(isHelper).length,
  };
  delete pkg.paths;
  delete ci.analyse.reachablePaths;
}

function assemble(sections, ci) {
  compareReachability(sections.package, ci);
  const checks = [
    ...packageBudgets(sections.package),
    ...auditBudget(ci),
    ...setDataBudgets(sections['set-data']),
    ...tenThousandBudgets(sections['records-10k']),
    ...recordBudgets(sections.records),
  ];
  return {
    generatedAt: new Date().toISOString(),
    units: 'bytes; KB = 1024 bytes, MB = 1024 KB (as WeChat limits are stated)',
    budgets,
    checks,
    failing: checks.filter((c) => c.verdict === 'FAIL').map((c) => c.id),
    broken: brokenFigures(sections),
    package: sections.package,
    setData: sections['set-data'],
    records: sections.records,
    tenThousand: sections['records-10k'],
    miniprogramCi: ci,
  };
}

/* ------------------------------------------------------------------ table */

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => `  ${cells.map((c, i) => (i === 0 ? String(c ?? '').padEnd(widths[i]) : String(c ?? '').padStart(widths[i]))).join('  ')}`;
  return [line(headers), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}

/** 'miniprogram_npm/@vant/weapp/tab/index' → 'vant tab'; 'pages/records/index' → 'page'. */
function shortComponent(name) {
  if (!name) return '';
  const vant = /miniprogram_npm\/@vant\/weapp\/(.+?)(?:\/index)?$/.exec(name);
  if (vant) return `vant ${vant[1]}`;
  if (name === 'page' || name.startsWith('pages/')) return 'page';
  return name.replace(/^components\//, '').replace(/\/index$/, '');
}

function findCheck(results, id) {
  const found = results.checks.find((c) => c.id === id);
  return found ? found.verdict : '';
}

function packageSection(results) {
  const pkg = results.package;
  if (isFailed(pkg)) return `CODE PACKAGE — not measured: ${pkg ? pkg.error : 'no figures'}`;
  const o = pkg.byOrigin;
  const rows = [
    ['own code (TS→JS, WXML, WXSS, JSON)', o.own.files, size(o.own.bytes), size(o.own.minifiedBytes), '', ''],
    [`Vant parts used (${pkg.vantComponents.length} components)`, o.vant.files, size(o.vant.bytes), size(o.vant.minifiedBytes), '', ''],
    ['other npm (dayjs)', o.npm.files, size(o.npm.bytes), size(o.npm.minifiedBytes), '', ''],
    ['compiler runtime helpers (@babel/runtime)', o.helpers.files, size(o.helpers.bytes), size(o.helpers.minifiedBytes), '', ''],
    ['total', pkg.files, size(pkg.totalBytes), size(pkg.minifiedBytes), '', ''],
    ...pkg.packages.map((part, i) => [
      i === 0 ? '  main package (app, tab pages, what they share)' : `  subpackage ${part.root}`,
      part.files,
      size(part.bytes),
      size(part.minifiedBytes),
      `≤ ${size(i === 0 ? budgets.mainPackageBytes : budgets.subpackageBytes)}`,
      verdict(part.minifiedBytes <= (i === 0 ? budgets.mainPackageBytes : budgets.subpackageBytes)),
    ]),
  ];
  const out = [
    'CODE PACKAGE — files reachable from app.json (as uploaded with ignoreUploadUnusedFiles), each compiled as DevTools compiles it',
    table(rows, ['', 'files', 'unminified', 'minified', 'budget', 'verdict']),
    `  compiler: ${pkg.compiler}`,
  ];
  out.push(`  Vant parts: ${pkg.vantComponents.join(', ')}`);
  if (pkg.unreachableOwn.length) out.push(`  own files no page reaches (not uploaded): ${pkg.unreachableOwn.join(', ')}`);
  if (pkg.crossPackage.length) out.push(`  !! references across packages: ${pkg.crossPackage.map((e) => `${e.from} → ${e.to}`).join('; ')}`);
  if (pkg.missing.length) out.push(`  !! references to missing files: ${pkg.missing.map((m) => `${m.from} → ${m.request}`).join('; ')}`);
  const ci = results.miniprogramCi;
  if (!ci || !ci.ok) {
    out.push(`  miniprogram-ci audit did not run: ${ci ? ci.error : 'not attempted'} (figures above do not depend on it)`);
  } else {
    const a = ci.analyse;
    out.push(`  miniprogram-ci analyseCode, on a copy with .ts compiled by esbuild (ci cannot read .ts): ${a.reachableFiles} of ${a.files} files reachable, ${size(a.reachableBytes)} of ${size(a.totalBytes)} unminified`);
    const agree = a.agreesWithBench;
    if (agree) {
      out.push(
        agree.same
          ? `  the bench reaches exactly the files miniprogram-ci reaches (plus ${agree.helpersNotCompared} compiler helper files the copy has no need of)`
          : `  !! reachability differs from miniprogram-ci: only bench ${agree.onlyBench.join(', ') || '—'}; only ci ${agree.onlyCi.join(', ') || '—'}`,
      );
    }
    out.push('  miniprogram-ci checkCodeQuality (DevTools 代码质量):');
    for (const c of ci.checks) out.push(`    ${c.success ? 'PASS' : 'FAIL'}  ${c.name}${c.summary ? ` — ${c.summary}` : ''}`);
  }
  return out.join('\n');
}

function setDataSection(results) {
  const sd = results.setData;
  if (isFailed(sd)) return `SETDATA — not measured: ${sd ? sd.error : 'no figures'}`;
  const first = Object.entries(sd.firstRender).map(([page, seg]) =>
    isFailed(seg)
      ? [page, 'ERROR', '', '', '', '', '', seg.error.slice(0, 60)]
      : [
          page,
          size(seg.totalBytes),
          seg.calls,
          size(appBytes(seg)),
          size(seg.byOrigin.vant.bytes),
          seg.wxml ? `${seg.wxml.nodes} / ${seg.wxml.depth} / ${seg.wxml.maxChildren}` : '',
          `≤ ${size(budgets.firstRenderBytes)}`,
          findCheck(results, `firstRender.${page}`),
        ],
  );
  const actions = sd.actions.map((a) =>
    isFailed(a)
      ? [`${a.page} · ${a.action}`, 'ERROR', '', '', '', '', a.error.slice(0, 60)]
      : [
          `${a.page} · ${a.action}`,
          size(a.totalBytes),
          a.calls,
          `${size(a.largestBytes)} ${shortComponent(a.largestComponent)}`,
          size(a.byOrigin.vant.bytes),
          a.action.startsWith('first page') ? `(first render ≤ ${size(budgets.firstRenderBytes)})` : `≤ ${size(budgets.actionBytes)}`,
          a.action.startsWith('first page') ? findCheck(results, 'firstRender.records') : findCheck(results, `action.${a.page}.${a.action}`),
        ],
  );
  const heavy = [
    ...Object.entries(sd.firstRender).map(([page, seg]) => [`first render of ${page}`, seg]),
    ...sd.actions.filter((a) => !a.action.startsWith('first page')).map((a) => [`${a.page} · ${a.action}`, a]),
  ].filter(([, seg]) => !isFailed(seg) && seg.totalBytes > budgets.actionBytes && Array.isArray(seg.topComponents));
  const senders = heavy.map(
    ([label, seg]) => `    ${label}: ${seg.topComponents.map((c) => `${shortComponent(c.component)} ${size(c.bytes)} in ${c.calls}`).join(', ')}`,
  );
  const journey = sd.journey;
  const journeyLine = !journey
    ? '  renewal journey: not measured'
    : isFailed(journey)
      ? `  renewal journey: ${journey.error}`
      : `  renewal journey (充值 查询 → result): ${journey.lookups} gateway lookups (${journey.lookupsBy.join(', ')}), ${journey.topUps} top-up, ${journey.statusQueries} status queries — ${findCheck(results, 'journey.lookups')} / ${findCheck(results, 'journey.topUps')}`;
  return [
    `SETDATA — UTF-8 bytes of JSON per setData, every component (page, ours, Vant's); ${sd.context.boundCards} bound card, ${sd.context.pastRenewals} past renewals`,
    '  (miniprogram-simulate re-applies child component properties on every page setData, so child observers —',
    '   Vant\'s and ours — fire more often than in WeChat: Vant and child figures are upper bounds)',
    '  first render (page initial data + every setData until the page settled) and its WXML nodes / depth / most children',
    table(first, ['page', 'all bytes', 'calls', 'app only', 'Vant', 'wxml', 'budget', 'verdict']),
    '  user actions (budget on all bytes the action sent, every component)',
    table(actions, ['action', 'all bytes', 'calls', 'largest call', 'Vant', 'budget', 'verdict']),
    ...(senders.length ? ['  biggest senders where more than 2 KB moved in all (component, bytes in calls):', ...senders] : []),
    journeyLine,
  ].join('\n');
}

function tenThousandSection(results) {
  const t = results.tenThousand;
  if (isFailed(t)) return `10,000 RECORDS — not measured: ${t ? t.error : 'no figures'}`;
  const out = [`${t.records.toLocaleString('en-US')} RECORDS — launch reads, and the records list scrolled a screen at a time`];
  if (isFailed(t.launch)) out.push(`  launch: ${t.launch.error}`);
  else {
    const l = t.launch;
    out.push(`  launch: ${size(l.totalBytes)} read before the first page shows (onLaunch ${size(l.onLaunchBytes)}, home tab ${size(l.firstPageBytes)}) — ${findCheck(results, 'launch.read10k')}`);
    out.push(`    largest reads: ${l.largestReads.map((r) => `${r.key} ${size(r.bytes)}`).join(', ')}`);
    out.push(`    then in the background (record check a shard at a time, reconciliation, auto top-up): ${size(l.backgroundBytes)}, not budgeted`);
  }
  if (isFailed(t.list)) out.push(`  list: ${t.list.error}`);
  else {
    const l = t.list;
    const rows = [
      ['first render', nodesText(l.firstRender.wxml), size(l.firstRender.totalBytes)],
      [`after ${l.atDepth.rows} rows`, nodesText(l.atDepth.wxml), ''],
      ['back at the top', nodesText(l.backAtTop.wxml), ''],
      [`worst of ${l.steps} steps`, nodesText(l.worst), `scroll ${size(l.worst.stepBytes)}, load ${size(l.worst.loadMoreBytes)}`],
    ];
    out.push(table(rows, ['records list', 'wxml', 'setData']));
    out.push(`  list height down ${l.listHeight.down} px, back up ${l.listHeight.up} px; first heading "${l.topHeading.first}" → "${l.topHeading.back}" — ${findCheck(results, 'list.scrollBack')}`);
  }
  return out.join('\n');
}

function recordsSection(results) {
  const r = results.records;
  if (isFailed(r)) return `RECORDS — not measured: ${r ? r.error : 'no figures'}`;
  const cols = [];
  for (const count of r.sharded.map((f) => f.count)) {
    cols.push(r.sharded.find((f) => f.count === count));
    cols.push(r.naive.find((f) => f.count === count));
  }
  if (r.naiveAtCapacity) cols.push(r.naiveAtCapacity);
  const head = cols.map((f) => `${f.store} @${f.count.toLocaleString('en-US')}${f === r.naiveAtCapacity ? ' (+1 = its limit)' : ''}`);
  const cell = (f, text) => (f.fits ? text : `${text} ✗`);
  const rows = [
    ['storage used (of 10 MB)', ...cols.map((f) => cell(f, size(f.storageBytes)))],
    ['keys', ...cols.map((f) => f.keys)],
    ['largest key (of 1 MB)', ...cols.map((f) => cell(f, size(f.largestKey.bytes)))],
    ['append N+1: bytes written', ...cols.map((f) => cell(f, size(f.append.bytesWritten)))],
    ['append N+1: bytes read', ...cols.map((f) => cell(f, size(f.append.bytesRead)))],
    ['next 50 appends: mean / max written', ...cols.map((f) => (f.appendWindow ? `${size(f.appendWindow.meanBytesWritten)} / ${size(f.appendWindow.maxBytesWritten)}` : '—'))],
    ['newest page after relaunch: bytes read', ...cols.map((f) => cell(f, size(f.newestPage.bytesRead)))],
    ['  share of stored bytes', ...cols.map((f) => pct(f.newestPage.share))],
  ];
  const out = [
    'RECORDS — realistic orders from core (createOrder/transition); sharded = ShardedRecordStore, naive = one array under one key',
    table(rows, ['', ...head]),
  ];
  for (const f of cols) if (!f.fits) out.push(`  ✗ ${f.store} @${f.count}: ${f.failure} (figures are what it would need)`);
  out.push(`  naive store capacity: ${r.naiveCapacity.toLocaleString('en-US')} orders before its one key passes 1 MB`);
  for (const [count, ratio] of Object.entries(r.appendBytesRatio)) {
    out.push(`  append bytes written, naive ÷ sharded @${Number(count).toLocaleString('en-US')}: ${times(ratio.worst)} (vs sharded's dearest of the next 50), ${times(ratio.mean)} (vs its mean)`);
  }
  if (r.timeRatios) {
    out.push(`  time ratios @${r.timeRatios.count.toLocaleString('en-US')} (naive ÷ sharded, medians, this machine, not a budget): append ${times(r.timeRatios.append)}, relaunch + newest page ${times(r.timeRatios.newestPage)}`);
  }
  const budgetRows = results.checks.filter((c) => c.id.startsWith('records.')).map((c) => [c.label, c.figure, c.limit, c.verdict]);
  out.push(table(budgetRows, ['budget', 'figure', 'limit', 'verdict']));
  return out.join('\n');
}

function render(results) {
  const parts = [packageSection(results), setDataSection(results), tenThousandSection(results), recordsSection(results)];
  const failing = results.checks.filter((c) => c.verdict === 'FAIL');
  const summary = [`BUDGETS: ${results.checks.length - failing.length} of ${results.checks.length} pass`];
  if (failing.length) {
    summary.push('!!!!!!!! BUDGET FAILED !!!!!!!!');
    for (const c of failing) summary.push(`  FAIL  ${c.label}: ${c.figure} (budget ${c.limit})`);
  }
  if (results.broken.length) {
    summary.push('!!!!!!!! BENCH BROKEN: some figures could not be measured !!!!!!!!');
    for (const b of results.broken) summary.push(`  ${b}`);
  }
  return `${parts.join('\n\n')}\n\n${summary.join('\n')}\n`;
}

/** Every check as a Markdown table, for README's performance section. */
function markdownTable(results) {
  const cell = (text) => String(text).replace(/\|/g, '\\|');
  const lines = ['| figure | measured | budget | |', '|---|---|---|---|'];
  for (const c of results.checks) lines.push(`| ${cell(c.label)} | ${cell(c.figure)} | ${cell(c.limit)} | ${c.verdict === 'PASS' ? 'pass' : '**fail**'} |`);
  return lines.join('\n');
}

module.exports = { assemble, render, size, markdownTable };
