// The error panel: when the C++ side aborts (an uncaught exception, an assertion, memory that
// cannot grow), the canvas stops drawing. Instead of a frozen picture the page shows what happened
// and a button that reloads it; the settings survive because they are kept in localStorage
// (settings only, never data). Texts in both languages: this runs when the app's string table
// may no longer be reachable.
'use strict';

window.overdueLensErrors = (function () {
  let shown = false;

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + ' MB'; }

  // `context` = {fileName, fileSize, heapLimit} from glue.js (what was being read, if anything).
  function describe(what, context) {
    const text = String(what || 'unknown error');
    const oom = /out of memory|Cannot enlarge memory|OOM|bad_alloc/i.test(text);
    if (!oom) return { zh: '程序出错：' + text, en: 'The program stopped: ' + text, oom: false };
    // While a file is read: that file; afterwards (the analysis): all the files read so far.
    const file = context && context.fileName
      ? context.fileName + ' (' + megabytes(context.fileSize) + ')' : '';
    const loaded = !file && context && context.loadedBytes ? megabytes(context.loadedBytes) : '';
    const limit = context && context.heapLimit ? megabytes(context.heapLimit) : '2048 MB';
    const zhWhile = file ? '：读取 ' + file + ' 时' : loaded ? '：分析已载入的 ' + loaded + ' 数据时' : '';
    const enWhile = file ? ' while reading ' + file : loaded ? ' while analysing the ' + loaded + ' of files loaded' : '';
    return {
      zh: '内存不足' + zhWhile + '，本页面最多可用 ' + limit +
        ' 内存。请拆分文件，或用命令行 overdue-lens analyze 处理大文件。',
      en: 'Out of memory' + enWhile + ': this page can use at most ' +
        limit + '. Split the file, or use the command line (overdue-lens analyze) for large files.',
      oom: true,
    };
  }

  function show(what, context) {
    if (shown) return;
    shown = true;
    const message = describe(what, context);
    const panel = document.getElementById('error-panel');
    document.getElementById('error-title').textContent =
      message.oom ? '内存不足 · Out of memory' : '出错了 · Something went wrong';
    document.getElementById('error-message-zh').textContent = message.zh;
    document.getElementById('error-message-en').textContent = message.en;
    document.body.classList.add('crashed');
    panel.hidden = false;
    document.getElementById('error-reload').focus();
  }

  document.getElementById('error-reload').addEventListener('click', () => window.location.reload());

  return Object.freeze({ show: show, isShown: () => shown, describe: describe });
})();
