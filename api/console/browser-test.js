// Browser test of the newsgraph console, run by api/browser_test.go.
//
// It drives Debian's Chromium through playwright-core against a server on
// 127.0.0.1: runs a Gizmo query in the Query tab and waits for the expected
// text, then draws a saved query in the Visualize tab and takes screenshots.
// Any request to a host other than 127.0.0.1 fails the test (and is
// blocked, so nothing leaves the machine).
//
// Environment: BASE_URL, OUT_DIR, QUERY, EXPECT, VIS_QUERY, VIS_EXPECT_NODES,
// CHROMIUM (default /usr/bin/chromium).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const env = (k, def) => {
  const v = process.env[k];
  if (v === undefined || v === "") {
    if (def !== undefined) return def;
    throw new Error(`environment variable ${k} is required`);
  }
  return v;
};

const BASE_URL = env("BASE_URL");
const OUT_DIR = env("OUT_DIR");
const QUERY = env("QUERY");
const EXPECT = env("EXPECT");
const VIS_QUERY = env("VIS_QUERY");
const VIS_EXPECT_NODES = parseInt(env("VIS_EXPECT_NODES", "2"), 10);
const CHROMIUM = env("CHROMIUM", "/usr/bin/chromium");
const TIMEOUT = 30000;

function isLocal(u) {
  if (/^(data|blob|about|chrome-error):/.test(u)) return true;
  try {
    const url = new URL(u);
    return url.hostname === "127.0.0.1";
  } catch (e) {
    return false;
  }
}

// setEditor replaces the query editor's text (typing would fight the
// editor's auto-closing brackets). The query editor is the JavaScript
// model; the results pane is a JSON one.
async function setEditor(page, text) {
  const queryModel = () => window.monaco && window.monaco.editor.getModels()
    .filter((m) => !m.isDisposed() && m.getModeId() === "javascript").pop();
  await page.waitForFunction(queryModel, null, { timeout: TIMEOUT });
  await page.evaluate(([t, find]) => (0, eval)(find)().setValue(t), [text, `(${queryModel.toString()})`]);
}

async function main() {
  const outside = [];
  const failed = [];
  const consoleErrors = [];
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run"],
    viewport: { width: 1280, height: 900 },
  });
  let page;
  try {
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (!isLocal(u)) {
        outside.push(u);
        return route.abort("blockedbyclient");
      }
      return route.continue();
    });
    page = context.pages()[0] || (await context.newPage());
    page.on("request", (req) => {
      if (!isLocal(req.url()) && !outside.includes(req.url())) outside.push(req.url());
    });
    page.on("response", (resp) => {
      if (resp.status() >= 400) failed.push(`${resp.status()} ${resp.url()}`);
    });
    page.on("requestfailed", (req) => {
      if (isLocal(req.url())) failed.push(`failed ${req.url()}: ${req.failure() && req.failure().errorText}`);
    });
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });

    // Query tab: run a Gizmo query and see its result.
    await page.goto(BASE_URL + "/", { waitUntil: "load", timeout: TIMEOUT });
    await page.waitForSelector(".monaco-editor", { timeout: TIMEOUT });
    await setEditor(page, QUERY);
    await page.getByRole("button", { name: "Run" }).click();
    // Monaco renders spaces as no-break spaces.
    await page.waitForFunction((t) => document.body.innerText.replace(/\u00a0/g, " ").includes(t), EXPECT, { timeout: TIMEOUT });
    await page.screenshot({ path: path.join(OUT_DIR, "query.png") });
    console.log(`query tab shows ${JSON.stringify(EXPECT)}`);

    // Visualize tab: draw a saved query's source/target rows.
    await page.getByText("Visualize", { exact: true }).click();
    await page.waitForSelector(".monaco-editor", { timeout: TIMEOUT });
    await setEditor(page, VIS_QUERY);
    await page.getByRole("button", { name: "Run" }).click();
    await page.waitForFunction((n) => document.querySelectorAll(".graph svg circle").length >= n,
      VIS_EXPECT_NODES, { timeout: TIMEOUT });
    // Let the force layout settle before the picture.
    await page.waitForTimeout(1500);
    const nodes = await page.evaluate(() => document.querySelectorAll(".graph svg circle").length);
    const links = await page.evaluate(() => document.querySelectorAll(".graph svg line").length);
    const shot = path.join(OUT_DIR, "visualize.png");
    await page.screenshot({ path: shot });
    console.log(`visualize drew ${nodes} nodes and ${links} links: ${shot}`);
    if (links < 1) throw new Error("visualize drew no links");
  } catch (err) {
    // Leave evidence for whoever reads the failure.
    if (page) {
      try {
        await page.screenshot({ path: path.join(OUT_DIR, "failure.png") });
        console.error("page text at failure:\n" + (await page.evaluate(() => document.body.innerText)).slice(0, 2000));
      } catch (e) { /* the page may be gone */ }
    }
    console.error("failed local requests: " + JSON.stringify(failed));
    console.error("outside requests: " + JSON.stringify(outside));
    console.error("console errors: " + JSON.stringify(consoleErrors));
    throw err;
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  if (consoleErrors.length) console.log("page console errors:\n  " + consoleErrors.join("\n  "));
  let bad = false;
  if (outside.length) {
    console.error("requests outside 127.0.0.1:\n  " + outside.join("\n  "));
    bad = true;
  }
  if (failed.length) {
    console.error("failed local requests:\n  " + failed.join("\n  "));
    bad = true;
  }
  if (bad) process.exit(1);
  console.log("no request left 127.0.0.1");
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
