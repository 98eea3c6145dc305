// Runs Lighthouse on pages of a running Creative Cities Commons server, in one headless Chromium, and writes a
// summary: for each page and preset, the four category scores, the Core Web Vitals, and every audit of the
// accessibility, best-practices and SEO categories that did not pass, with what it found.
//
//   node run.mjs plan.json
//
// plan.json: {"base": "http://127.0.0.1:8080", "out": "/some/folder", "runs": 1, "warmup": true,
//             "presets": ["mobile", "desktop"],
//             "pages": [{"name": "home", "path": "/", "token": null}, ...]}
// A page with a token is opened signed in: the token is put into localStorage first (Lighthouse empties the
// browser's cache before each run, not localStorage). CHROME_PATH names the browser (Debian: /usr/bin/chromium).
// Writes out/summary.json and, for each run, out/<name>-<preset>-<run>.json (the full Lighthouse result).
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
fs.mkdirSync(plan.out, { recursive: true });
const flags = (process.env.CCC_CHROME_FLAGS || '--headless=new --no-sandbox --disable-gpu --no-first-run '
  + '--disable-background-networking --disable-component-update --disable-sync --disable-quic').split(/\s+/);
const chrome = await chromeLauncher.launch({ chromeFlags: flags, chromePath: process.env.CHROME_PATH });
const summary = [];
try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  for (const p of plan.pages) {
    // One load of the page first, unmeasured (plan.warmup, default true): the server has then answered the page's
    // addresses once (a freshly started JVM runs them interpreted at first, and Lighthouse's simulation takes the
    // server's observed answer time as it is), and Chromium has presented a first frame of this address (in a
    // page's first run it often presented the painted first view 1-2 s late: docs/benchmarks.md, "Lighthouse").
    if (plan.warmup !== false) {
      const warm = await browser.newPage();
      await warm.goto(plan.base + '/health');
      await warm.evaluate((t) => t ? localStorage.setItem('ccc.token', t) : localStorage.removeItem('ccc.token'),
        p.token || null);
      await warm.goto(plan.base + p.path, { waitUntil: 'networkidle0', timeout: 60000 });
      await warm.close();
    }
    for (const preset of plan.presets) {
      for (let run = 1; run <= (plan.runs || 1); run++) {
        const page = await browser.newPage();
        await page.goto(plan.base + '/health');
        await page.evaluate((t) => t ? localStorage.setItem('ccc.token', t) : localStorage.removeItem('ccc.token'),
          p.token || null);
        const config = preset === 'desktop' ? desktopConfig : undefined;
        const result = await lighthouse(plan.base + p.path, {
          port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        }, config, page);
        await page.close();
        const lhr = result.lhr;
        fs.writeFileSync(path.join(plan.out, `${p.name}-${preset}-${run}.json`), result.report);
        const failing = [];
        for (const id of ['accessibility', 'best-practices', 'seo']) {
          for (const ref of lhr.categories[id].auditRefs) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a.score !== null && a.score < 1) {
              const items = (a.details && a.details.items || []).slice(0, 5).map((i) => JSON.stringify(
                i.node ? { selector: i.node.selector, snippet: i.node.snippet, explanation: i.node.explanation } : i));
              failing.push({ category: id, id: ref.id, title: a.title, items });
            }
          }
        }
        const num = (id) => lhr.audits[id] && lhr.audits[id].numericValue;
        summary.push({
          page: p.name, path: p.path, preset, run,
          scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score])),
          cls: num('cumulative-layout-shift'), lcp: num('largest-contentful-paint'),
          fcp: num('first-contentful-paint'), tbt: num('total-blocking-time'), si: num('speed-index'),
          requests: (lhr.audits['network-requests'].details.items || []).length,
          runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
          warnings: lhr.runWarnings, failing,
        });
        console.log(JSON.stringify(summary[summary.length - 1]));
      }
    }
  }
  browser.disconnect();
} finally {
  fs.writeFileSync(path.join(plan.out, 'summary.json'), JSON.stringify(summary, null, 1));
  await chrome.kill();
}
