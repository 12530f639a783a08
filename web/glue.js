// OverdueLens page glue: the Emscripten Module config, files arriving by drop or picker (read in
// slices and handed to C++ chunk by chunk), clipboard, the DOM text overlays for IME input, the
// screen-reader parts (live region, page language, the report in a new tab), and the read-only
// test hook window.overdueLens. Loaded before overdue-lens-app.js (CSP: no inline
// scripts, so all of this lives in a file).
//
// [SECTION] Module config and start-up
// [SECTION] files: drop, picker, chunked reading, demo
// [SECTION] downloads and settings storage
// [SECTION] clipboard
// [SECTION] text overlay (IME)
// [SECTION] screen readers
// [SECTION] test hook
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const loadingStatus = document.getElementById('loading-status');
  // The IME overlays: an <input> over single-line fields, a <textarea> over multiline ones.
  const overlayLine = document.getElementById('text-overlay');
  const overlayMultiline = document.getElementById('text-overlay-multiline');
  const isOverlay = (el) => el === overlayLine || el === overlayMultiline;
  const liveRegion = document.getElementById('ol-status');
  const fileInput = document.getElementById('file-input');

  // [SECTION] Module config and start-up ------------------------------------------------------------
  // True once C++ main() has set the app up (onRuntimeInitialized comes before main()).
  let appReady = false;
  let resolveReady;
  const readyPromise = new Promise((resolve) => { resolveReady = resolve; });

  // The wasm heap may grow to this (-sMAXIMUM_MEMORY in src/app/app.cmake); named in the
  // out-of-memory message.
  const HEAP_LIMIT_BYTES = 2048 * 1048576;
  const assets = window.overdueLensAssets;
  // What is being read right now, for the out-of-memory message.
  const reading = { fileName: '', fileSize: 0, heapLimit: HEAP_LIMIT_BYTES, loadedBytes: 0 };

  function fail(what) {
    if (!appReady) {
      document.body.classList.add('failed');
      loadingStatus.textContent = 'OverdueLens could not start / 无法启动: ' + what;
      return;
    }
    const first = !window.overdueLensErrors.isShown();
    window.overdueLensErrors.show(what, reading);
    if (first) announceError(what);
  }

  // The start-up fonts are written into the wasm file system before main() runs (a run dependency
  // holds main back): fetched from the page's own origin, or inflated from the single file.
  // scripts/subset_fonts.py cut them from DejaVuSans and DroidSansFallbackFull (issue #7: the
  // start-up download stays under 3 MB); the rest of both fonts comes after start (loadRareFonts).
  const FONTS = ['latin.ttf', 'cjk.ttf'];
  function loadFonts() {
    M.addRunDependency('fonts');
    Promise.all(FONTS.map((name) => assets.load('fonts/' + name))).then((files) => {
      M.FS_createPath('/', 'fonts', true, true);
      files.forEach((bytes, i) => M.FS_createDataFile('/fonts', FONTS[i], bytes, true, false, false));
      M.removeRunDependency('fonts');
    }).catch((err) => fail('fonts: ' + (err && err.message ? err.message : err)));
  }

  // The rare parts of the fonts (CJK Extension A such as 䶮, compatibility ideographs, Arabic,
  // Hebrew, …) are fetched once the start screen has been drawn, so they are not part of the
  // start-up download, and merged into the body font by C++ between frames (src/app/fonts.cpp).
  // Merged in this order whichever arrives first (a character in both is drawn from the first).
  // If one cannot be had, the page keeps working and its characters draw as "?": a warning only.
  const RARE_FONTS = ['latin-rare.ttf', 'cjk-rare.ttf'];
  function loadRareFonts() {
    Promise.allSettled(RARE_FONTS.map((name) => assets.load('fonts/' + name))).then((results) => {
      results.forEach((r, i) => {
        const name = RARE_FONTS[i];
        if (r.status !== 'fulfilled') {
          console.warn('OverdueLens: font ' + name + ' not loaded (rare characters draw as "?"): ' +
            (r.reason && r.reason.message ? r.reason.message : r.reason));
          return;
        }
        let merged = false;
        try {
          M.FS_createDataFile('/fonts', name, r.value, true, false, false);
          merged = withCString('/fonts/' + name, (p) => M._ol_font_add_rare(p)) === 1;
        } catch (err) { /* reported just below */ }
        if (!merged) console.warn('OverdueLens: font ' + name + ' could not be merged (rare characters draw as "?")');
      });
    });
  }

  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => { if (text) loadingStatus.textContent = text; },
    preRun: [loadFonts],
    onAbort: fail,
  };
  // The single file hands the wasm bytes over itself (no fetch of overdue-lens-app.wasm).
  if (assets.embedded) {
    window.Module.instantiateWasm = (imports, receive) => {
      assets.load('overdue-lens-app.wasm')
        .then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then((result) => receive(result.instance))
        .catch((err) => fail('wasm: ' + (err && err.message ? err.message : err)));
      return {};
    };
  }
  const M = window.Module;
  // After start-up, an uncaught error out of the app (a C++ exception nobody caught ends up here
  // as a JS error) stops the frame loop: show the error panel rather than a frozen canvas.
  window.addEventListener('error', (e) => { if (appReady) fail(e.error || e.message); });
  window.addEventListener('unhandledrejection', (e) => { if (appReady) fail(e.reason); });

  canvas.addEventListener('contextmenu', (e) => e.preventDefault());

  // Strings into wasm memory; the callee copies what it needs, the caller frees.
  function withCString(text, fn) {
    const n = M.lengthBytesUTF8(text) + 1;
    const p = M._malloc(n);
    M.stringToUTF8(text, p, n);
    try { return fn(p); } finally { M._free(p); }
  }

  // [SECTION] files: drop, picker, chunked reading, demo --------------------------------------------
  // Every File is read in slices through file.stream() (TOOLCHAIN.md: faster than repeated
  // slice().arrayBuffer() and robust for large in-memory Blobs), each slice copied into one reused
  // wasm buffer and handed to C++ (overdue::FileImporter::feed); the whole text is never held in
  // JS. Between slices the loop yields so the page keeps drawing (progress bars, 60 fps).
  // How long to work before yielding adapts to what a yield costs (the frames drawn meanwhile):
  // 25 ms when a frame is cheap, up to 120 ms when frames are slow (software WebGL draws one in
  // ~80 ms: with a fixed 25 ms the file was read at a quarter of the importer's speed, issue #7),
  // so reading gets at least ~60 % of the main thread and no task reaches 200 ms.
  const YIELD_AFTER_MS = 25;
  const YIELD_AFTER_MAX_MS = 120;
  const SLICE_BYTES = 1 << 20;
  let nextFileId = 1;
  const waiting = [];        // {id, file} not yet started (runtime not ready or another file reading)
  let readingNow = 0;        // files being read right now (0 or 1: one at a time)
  let chunkPtr = 0;
  let chunkCap = 0;

  // Every file goes to C++ whatever its name or MIME type: the importer tells a CSV from a
  // workbook (.xlsx/.xlsm: a zip; .xls: an OLE2 file) by its first bytes, and a file it cannot read
  // gets a clear message there. A workbook is streamed like a CSV; the importer keeps its bytes
  // until the end (a zip's directory is at its end).
  function addFiles(fileList) {
    for (const file of Array.from(fileList || [])) {
      const id = nextFileId++;
      waiting.push({ id: id, file: file, begun: false });
    }
    startQueuedFiles();
  }

  function startQueuedFiles() {
    if (!appReady) return;
    // Announce every waiting file at once so each shows in the list (with its own progress bar).
    // C++ may refuse a file at once (too large for the page): it is then never read.
    for (const w of waiting) {
      if (w.begun) continue;
      w.begun = true;
      w.refused = withCString(w.file.name, (p) => M._ol_file_begin(w.id, p, w.file.size)) === 0;
    }
    for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i].refused) waiting.splice(i, 1);
    if (readingNow === 0 && waiting.length > 0) {
      const next = waiting.shift();
      readingNow++;
      readFile(next.id, next.file).finally(() => { readingNow--; startQueuedFiles(); });
    }
  }

  function feedChunk(id, bytes) {
    if (bytes.length > chunkCap) {
      if (chunkPtr) M._free(chunkPtr);
      chunkCap = Math.max(bytes.length, SLICE_BYTES);
      chunkPtr = M._malloc(chunkCap);
    }
    // Read M.HEAPU8 only now: a malloc may have grown memory and replaced the buffer.
    M.HEAPU8.set(bytes, chunkPtr);
    M._ol_file_chunk(id, chunkPtr, bytes.length);
  }

  const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

  async function readFile(id, file) {
    reading.fileName = file.name;
    reading.fileSize = file.size;
    try {
      let lastYield = performance.now();
      let budget = YIELD_AFTER_MS;
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // A stream over an in-memory Blob can hand over tens of MB at once: feed it in slices of
        // at most SLICE_BYTES, yielding between them, so no single call blocks the page for long.
        for (let off = 0; off < value.length; off += SLICE_BYTES) {
          feedChunk(id, value.subarray(off, Math.min(value.length, off + SLICE_BYTES)));
          if (performance.now() - lastYield > budget) {
            const away = performance.now();
            await yieldToEventLoop();
            lastYield = performance.now();
            const awayMs = lastYield - away;
            budget = Math.min(YIELD_AFTER_MAX_MS, Math.max(YIELD_AFTER_MS, 0.5 * budget + 0.5 * 1.5 * awayMs));
          }
        }
      }
      M._ol_file_end(id);
    } catch (err) {
      const message = (err && err.message) ? err.message : String(err);
      withCString('the browser could not read the file: ' + message, (p) => M._ol_file_failed(id, p));
    } finally {
      reading.loadedBytes += file.size;
      reading.fileName = '';
      reading.fileSize = 0;
    }
  }

  // The demos, fetched only when the user asks for one, then read exactly like dropped files:
  // the ledger (built by scripts/gen_receivables.py with a fixed seed, see src/app/app.cmake) and
  // the UCI credit-card accounts for the model lab (data/demo/, CC BY 4.0).
  const DEMO_FILES = {
    ledger: ['invoices.csv', 'payments.csv', 'contacts.csv'],
    credit: ['uci_credit_card.csv'],
  };
  async function loadDemo(which) {
    try {
      const names = DEMO_FILES[which] || DEMO_FILES.ledger;
      const files = await Promise.all(names.map(async (name) =>
        new File([await assets.load('demo/' + name)], name, { type: 'text/csv' })));
      addFiles(files);
    } catch (err) {
      const id = nextFileId++;
      withCString('demo', (p) => M._ol_file_begin(id, p, 0));
      withCString('the demo files could not be loaded: ' + (err && err.message ? err.message : err),
        (p) => M._ol_file_failed(id, p));
    }
  }

  // Our own listeners (TOOLCHAIN.md "Drop"): GLFW's drop handler would read each file whole.
  let dragDepth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    dragDepth++;
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) document.body.classList.remove('dragging');
  });
  window.addEventListener('dragover', (e) => {
    e.preventDefault();  // allows the drop
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    document.body.classList.remove('dragging');
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length > 0) addFiles(e.dataTransfer.files);
  });
  fileInput.addEventListener('change', () => {
    addFiles(fileInput.files);
    fileInput.value = '';  // picking the same file again fires change again
  });

  // [SECTION] clipboard ---------------------------------------------------------------------------
  // GLFW's clipboard is a stub in Emscripten 3.1.6: copy through navigator.clipboard (falling back
  // to a hidden textarea + execCommand), paste from the last paste event's text.
  let pastedText = '';
  document.addEventListener('paste', (e) => {
    if (e.clipboardData) pastedText = e.clipboardData.getData('text/plain') || '';
  });

  function copyWithTextarea(text) {
    const area = document.createElement('textarea');
    area.className = 'offscreen';
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing else to try */ }
    area.remove();
  }

  // [SECTION] text overlay (IME) -------------------------------------------------------------------
  // A WebGL canvas never receives IME composition, so while an ImGui text field is edited a DOM
  // field sits over it (DESIGN.md §7): the <input>, or the <textarea> for a multiline field (the
  // letter templates, issue #22 §4). Its value goes to C++ on input events (after composition
  // ends, so pinyin being composed is not mirrored) and the overlay hides on blur, Escape, Tab and
  // (single line) Enter.
  let overlay = overlayLine;  // the one shown or last shown
  let overlayIsOpen = false;
  let overlayPending = null;  // value not yet taken by C++
  let overlayBox = '';

  function placeOverlay(box) {
    const key = [box.x, box.y, box.width, box.height, box.fontPx, box.padX, box.dark].join(',');
    if (key === overlayBox) return;
    overlayBox = key;
    const s = overlay.style;  // CSSOM, allowed by style-src 'self' (no style attributes in markup)
    s.left = box.x + 'px';
    s.top = box.y + 'px';
    s.width = box.width + 'px';
    s.height = box.height + 'px';
    s.fontSize = box.fontPx + 'px';
    s.paddingLeft = s.paddingRight = Math.max(0, box.padX - 1) + 'px';
    overlay.classList.toggle('dark', !!box.dark);
  }

  // A phone raises its keyboard only for a focus given inside a touch's own handler (iOS), while
  // the overlay is opened by a frame after the press. So when a touch ends on the open overlay,
  // its focus is given again there (blur + focus, not closing it): the keyboard comes up.
  let refocusing = false;
  let gestureFocuses = 0;  // for the tests (ui hook: overlayGestureFocuses)
  function overlayFocusInGesture(x, y) {
    if (!overlayIsOpen) return;
    const r = overlay.getBoundingClientRect();
    if (x < r.left || x > r.right || y < r.top || y > r.bottom) return;
    refocusing = true;
    overlay.blur();
    overlay.focus();
    refocusing = false;
    ++gestureFocuses;
  }

  // Back to the canvas, so the keyboard goes on in the app (issue #22 §5).
  function closeOverlay() {
    if (!overlayIsOpen || refocusing) return;
    overlayPending = overlay.value;
    overlayIsOpen = false;
    overlay.classList.remove('open');
    if (document.activeElement === overlay) canvas.focus({ preventScroll: true });
  }

  for (const field of [overlayLine, overlayMultiline]) {
    field.addEventListener('input', (e) => { if (!e.isComposing) overlayPending = field.value; });
    field.addEventListener('compositionend', () => { overlayPending = field.value; });
    field.addEventListener('blur', () => { if (field === overlay) closeOverlay(); });
    // The overlay appears under the pointer between mousedown and mouseup (ImGui activates the field
    // on press), so the release lands on the overlay; GLFW only listens on the canvas and would keep
    // the button held, swallowing the next click. Hand the release to the canvas.
    field.addEventListener('mouseup', (e) => {
      canvas.dispatchEvent(new MouseEvent('mouseup', {
        bubbles: true, cancelable: true, clientX: e.clientX, clientY: e.clientY, screenX: e.screenX,
        screenY: e.screenY, button: e.button, buttons: e.buttons }));
    });
  }

  // Keys typed into the overlay must not also reach GLFW, whose listeners sit on window in the
  // capture phase: this capture listener is registered first (before glfwInit), so it runs first.
  // Tab is the exception: it ends the editing and goes on to GLFW, so ImGui moves to the next
  // control as from any other field (keyboard navigation, issue #22 §5). Key releases go on too:
  // a field opened with Enter from the keyboard gets that Enter's release, which GLFW must see or
  // it would hold Enter down and miss the next press (a release of a key it never saw is harmless).
  for (const type of ['keydown', 'keypress']) {
    window.addEventListener(type, (e) => {
      if (!isOverlay(e.target)) return;
      if (type === 'keydown' && !e.isComposing && e.key === 'Tab') {
        closeOverlay();
        return;  // GLFW sees it (and keeps the browser from moving the focus out of the page)
      }
      e.stopImmediatePropagation();
      const ends = e.key === 'Escape' || (e.key === 'Enter' && e.target === overlayLine);
      if (type === 'keydown' && !e.isComposing && ends) {
        e.preventDefault();
        closeOverlay();
      }
    }, true);
  }

  // [SECTION] screen readers ------------------------------------------------------------------------
  // To assistive technology the canvas is one element (role="application", web/index.html), so the
  // app says what happens in words (src/app/screen_reader.cpp): each message is its own child of
  // the live region #ol-status (aria-live="polite"), in the language it was worded in; the region
  // keeps the last five (kLiveMessageCount). Only additions are read out, not removals.
  const LIVE_MESSAGES = 5;
  function liveAppend(text, lang) {
    const item = document.createElement('p');
    item.textContent = text;
    if (lang) item.lang = lang;
    liveRegion.appendChild(item);
    while (liveRegion.children.length > LIVE_MESSAGES) liveRegion.firstElementChild.remove();
  }

  // The error panel's words (web/errors.js) in the page's language, into the app's list too when
  // the runtime still answers (after an abort it does not: then into the region only).
  function announceError(what) {
    const message = window.overdueLensErrors.describe(what, reading);
    const zh = document.documentElement.lang.startsWith('zh');
    const text = zh ? message.zh : message.en;
    try {
      withCString(text, (p) => M._ol_announce(p));
    } catch (err) {
      liveAppend(text, document.documentElement.lang);
    }
  }

  // The report (semantic HTML) in a new tab from a Blob: nothing leaves the machine. The Blob
  // document inherits the page's CSP, which allows the report's stylesheet by its hash.
  function openHtmlInNewTab(bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: 'text/html;charset=utf-8' }));
    const tab = window.open(url, '_blank');
    if (tab) {
      try { tab.opener = null; } catch (e) { /* the new tab keeps no handle on the page either way */ }
    }
    // Long enough for the tab to load it; the document stays once loaded.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return !!tab;
  }

  // [SECTION] downloads and settings storage -------------------------------------------------------
  // Every export is a download of bytes made here (Blob + a link with `download`): nothing is
  // uploaded. The object URL is revoked once the browser has taken it.
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.className = 'offscreen';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // localStorage holds the settings only (never data). It can be unavailable (privacy modes):
  // then nothing is remembered, and nothing fails.
  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  // [SECTION] glue called from C++ (EM_JS in src/platform/platform_web.cpp) --------------------------
  window.overdueLensGlue = Object.freeze({
    appStarted: () => {
      appReady = true;
      document.body.classList.add('ready');
      resolveReady();
      startQueuedFiles();
      // After the first frame: the start screen is up before the rare fonts are asked for.
      requestAnimationFrame(() => setTimeout(loadRareFonts, 0));
    },
    showFatalError: (message) => {
      document.body.classList.remove('ready');
      document.body.classList.add('failed');
      loadingStatus.textContent = message;
    },
    showCrash: fail,
    openFilePicker: () => fileInput.click(),
    loadDemo: loadDemo,
    download: download,
    storageGet: storageGet,
    storageSet: storageSet,
    copyText: (text) => {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(() => copyWithTextarea(text));
      } else {
        copyWithTextarea(text);
      }
    },
    pastedText: () => pastedText,
    overlayShow: (box, value) => {
      const field = box.multiline ? overlayMultiline : overlayLine;
      if (field !== overlay) {
        closeOverlay();
        overlay = field;
        overlayBox = '';
      }
      placeOverlay(box);
      overlay.value = value;
      overlayPending = null;
      overlayIsOpen = true;
      overlay.classList.add('open');
      overlay.focus();
      overlay.setSelectionRange(value.length, value.length);
    },
    overlayMove: (box) => { if (overlayIsOpen) placeOverlay(box); },
    overlayHide: closeOverlay,
    overlayFocusInGesture: overlayFocusInGesture,
    overlayOpen: () => overlayIsOpen,
    overlayTakeValue: () => {
      const v = overlayPending;
      overlayPending = null;
      return v;
    },
    setPageLanguage: (langTag, canvasLabel) => {
      document.documentElement.lang = langTag;
      canvas.setAttribute('aria-label', canvasLabel);
    },
    announce: liveAppend,
    openHtmlInNewTab: openHtmlInNewTab,
  });

  // [SECTION] test hook ---------------------------------------------------------------------------
  // Read-only state for automated tests (issue #2 item 5): summary() is the same JSON as
  // `overdue-lens inspect` for the files loaded so far; ui() is the UI's state and the CSS-pixel
  // rectangles of named widgets, so tests can click the real ImGui widgets.
  const emptySummary = () => ({ files: [], analysis: null, model: null });
  const hook = {
    whenReady: () => readyPromise,
    summary: () => (appReady ? JSON.parse(M.UTF8ToString(M._ol_summary_json())) : emptySummary()),
    ui: () => (appReady ? JSON.parse(M.UTF8ToString(M._ol_ui_json())) : {}),
    busy: () => waiting.length > 0 || readingNow > 0 || (appReady && M._ol_busy() !== 0),
    // Sets the monitoring controls like the user would: {as_of: 'YYYY-MM-DD'|'latest',
    // threshold: N, buckets: [30, 60, …], step: 'day'|'week'|'month'} (any subset).
    setAnalysis: (controls) => {
      if (appReady) withCString(JSON.stringify(controls), (p) => M._ol_set_analysis(p));
    },
    setAsOf: (date) => hook.setAnalysis({ as_of: date }),
    // How often a touch ending on the open text overlay gave it focus inside the touch (issue #22 §2).
    overlayGestureFocuses: () => gestureFocuses,
  };
  Object.defineProperty(hook, 'ready', { get: () => appReady, enumerable: true });
  window.overdueLens = Object.freeze(hook);
})();
