// Where the page's own files come from: the fonts (at start-up) and the demo data (only when the
// user clicks "Load demo"). Served page: a GET of the same origin's static file. The single offline
// file (scripts/build_single.py) defines window.overdueLensAssets before this script with the same
// interface over compressed copies embedded in the HTML, and then this default is not installed.
'use strict';

if (!window.overdueLensAssets) {
  window.overdueLensAssets = Object.freeze({
    embedded: false,
    // Resolves to a Uint8Array with the file's bytes, or rejects with an Error naming the file.
    load: async (path) => {
      const response = await fetch(path, { credentials: 'same-origin', cache: 'no-cache' });
      if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
      return new Uint8Array(await response.arrayBuffer());
    },
  });
}
