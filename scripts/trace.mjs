// Where a page's time goes from navigation to its first useful paint: one Chromium performance trace of the
// page's load, its main thread's work summed by kind, and the waits between (files, storage, messages, the
// database), as `npm run bench` reports under "Where the time goes".

/**
 * Trace events by kind. Each event's own time (less the events inside it) goes to its kind, or to the kind of
 * the nearest event around it that has one: no time is counted twice.
 */
const KINDS = {
  'loading the page and its files': [
    'ResourceRequestSender::OnReceivedResponse',
    'ResourceRequestSender::OnRequestComplete',
    'URLLoader::Context::OnReceivedResponse',
    'URLLoader::Context::Start',
    'URLLoader::Context::Cancel',
    'URLLoader::loadAsynchronously',
    'ThrottlingURLLoader::Start',
    'ThrottlingURLLoader::StartNow',
    'ThrottlingURLLoader::OnReceiveResponse',
    'MojoURLLoaderClient::OnReceiveResponse',
    'HTMLDocumentParser::MaybeFetchQueuedPreloads',
    'DocumentLoader::CommitNavigation',
    'NavigationBodyLoader::StartLoadingBody',
  ],
  'starting the page (its window and script context)': [
    'LocalWindowProxy::CreateContext',
    'LocalWindowProxy::Initialize',
    'V8.DeserializeContext',
    'DocumentLoader::InitializeWindow',
  ],
  'parse HTML and styles': ['ParseHTML', 'ParseAuthorStyleSheet'],
  'compile scripts': ['v8.compile', 'v8.compileModule', 'V8.CompileCode', 'CompileScript', 'CompileModule', 'v8.produceModuleCache'],
  'evaluate modules (top-level code)': ['v8.evaluateModule', 'EvaluateScript', 'EvaluateModule'],
  'script after start (storage and database answers, messages, render)': [
    'FunctionCall',
    'RunMicrotasks',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
    'FireIdleCallback',
    'v8.callFunction',
  ],
  'style, layout and paint': ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'Commit', 'HitTest'],
  'garbage collection': ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase'],
};
const KIND_OF = new Map(Object.entries(KINDS).flatMap(([kind, names]) => names.map((n) => [n, kind])));
const OTHER = 'other main-thread tasks (the trace does not break them down)';

/**
 * Opens a page (`open(page)` navigates it) with tracing on, waits until `ready(page)` resolves to the mark that
 * says it is ready, and returns the milliseconds by kind between navigation and that mark.
 */
export async function traceFirstPaint(context, open, readyMark) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading'].join(
      ',',
    ),
    transferMode: 'ReportEvents',
  });
  await open(page);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, readyMark, { timeout: 20_000 });
  const url = page.url();
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  if (process.env.TRACE_FILE)
    (await import('node:fs')).writeFileSync(`${process.env.TRACE_FILE}-${Date.now()}.json`, JSON.stringify(events));
  try {
    return summarise(events, url, readyMark);
  } catch (error) {
    // A trace that lost the events it needs says so, and the bench's measured figures stand.
    console.warn(`No trace summary: ${error.message}`);
    return {};
  }
}

function summarise(events, url, readyMark) {
  // This page's navigation (the renderer also holds the extension's other pages), then its first mark after it.
  const withoutHash = (address) => address?.split('#')[0];
  const navigation = events.findLast(
    (e) => e.name === 'navigationStart' && withoutHash(e.args?.data?.documentLoaderURL) === withoutHash(url),
  );
  if (!navigation) throw new Error(`The trace has no navigation to ${url}`);
  const onThread = events.filter((e) => e.pid === navigation.pid && e.tid === navigation.tid);
  const mark = onThread.find((e) => e.name === readyMark && e.cat.includes('blink.user_timing') && e.ts >= navigation.ts);
  if (!mark) throw new Error(`The trace has no ${readyMark} mark after the page's navigation`);
  // From the navigation to the mark on the page's main thread. Other pages of the extension may share that
  // thread (a chip framed in an open record page): their work counts too.
  const [start, end] = [navigation.ts, mark.ts];
  const spans = onThread
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts + e.dur > start && e.ts < end)
    .map((e) => ({ name: e.name, from: Math.max(e.ts, start), to: Math.min(e.ts + e.dur, end) }))
    .sort((a, b) => a.from - b.from || b.to - a.to);
  const byKind = Object.fromEntries([...Object.keys(KINDS), OTHER].map((k) => [k, 0]));
  const stack = [];
  let busy = 0;
  for (const span of spans) {
    while (stack.length && stack.at(-1).to <= span.from) stack.pop();
    const parent = stack.at(-1);
    span.kind = KIND_OF.get(span.name) ?? parent?.kind ?? OTHER;
    if (parent)
      byKind[parent.kind] -= span.to - span.from; // the parent's own time excludes this span
    else busy += span.to - span.from;
    byKind[span.kind] += span.to - span.from;
    stack.push(span);
  }
  const ms = (us) => Math.max(0, us) / 1000;
  return {
    total: ms(end - start),
    ...Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, ms(v)])),
    'main thread idle (waiting on storage, messages, the database)': ms(end - start - busy),
  };
}
