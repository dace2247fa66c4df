/*
 * OpenSSPR proof-of-work CAPTCHA: no third-party service, no libraries, no build step.
 *
 * For every form like this one it finds the first counter whose SHA-256("<challenge>:<counter>")
 * starts with <difficulty> zero bits (as org.opensspr.captcha.ProofOfWorkSolver does), writes
 * "<challenge>:<counter>" into the hidden input named "captcha" and enables the submit buttons:
 *
 *   <form method="post" data-pow-challenge="..." data-pow-difficulty="16"
 *         data-pow-text-working="Checking your browser..."
 *         data-pow-text-progress="Checking your browser... {percent}%"
 *         data-pow-text-done="Done. You can continue."
 *         data-pow-text-failed="Your browser could not pass the check. Reload the page to try again."
 *         data-pow-text-submit="Continue">
 *     <input type="hidden" name="captcha">
 *     <p data-pow-status aria-live="polite">Checking your browser...</p>
 *     <button type="submit" disabled>Checking your browser...</button>
 *   </form>
 *
 * All text comes from the form's data-pow-text-* attributes (English defaults below), so the
 * server translates it. The work runs in a Web Worker made from a Blob; where that is not
 * allowed (a Content-Security-Policy without blob: workers, an old browser) it runs on the page
 * in batches that yield to the browser between them, so the page stays responsive either way.
 * WebCrypto needs a secure context: HTTPS, or http://localhost and http://127.0.0.1.
 *
 * OpenSsprPow.solve(challenge, difficulty, options) is exposed for other scripts and tests.
 */
(function (global) {
  'use strict';

  var DEFAULT_TEXT = {
    working: 'Checking your browser...',
    progress: 'Checking your browser... {percent}%',
    done: 'Done. You can continue.',
    failed: 'Your browser could not pass the check. Reload the page to try again.'
  };

  /* True when the digest starts with at least `bits` zero bits. Self-contained: it also runs in the worker. */
  function hasZeroBits(digest, bits) {
    var full = Math.floor(bits / 8);
    if (full > digest.length || (full === digest.length && bits % 8 !== 0)) {
      return false;
    }
    for (var i = 0; i < full; i++) {
      if (digest[i] !== 0) {
        return false;
      }
    }
    var rest = bits % 8;
    return rest === 0 || (digest[full] >> (8 - rest)) === 0;
  }

  /*
   * Resolves to "<challenge>:<counter>" for the lowest counter that has the work. Hashes in
   * batches of options.batch (default 256) digests in flight at once; calls
   * options.onProgress(triesSoFar) after each batch; with options.yieldToPage it gives the
   * browser a turn (rendering, input) at least every 50 ms. Self-contained apart from
   * hasZeroBits: it also runs in the worker.
   */
  async function solve(challenge, difficulty, options) {
    options = options || {};
    var subtle = globalThis.crypto && globalThis.crypto.subtle;
    if (!subtle) {
      throw new Error('WebCrypto (crypto.subtle) is not available: the page needs HTTPS');
    }
    if (typeof challenge !== 'string' || !(difficulty >= 0 && difficulty <= 64)) {
      throw new Error('a challenge string and a difficulty of 0-64 are required');
    }
    var batch = options.batch || 256;
    var encoder = new TextEncoder();
    var prefix = challenge + ':';
    var lastYield = Date.now();
    for (var base = 0; base < Number.MAX_SAFE_INTEGER; base += batch) {
      var pending = [];
      for (var i = 0; i < batch; i++) {
        pending.push(subtle.digest('SHA-256', encoder.encode(prefix + (base + i))));
      }
      var digests = await Promise.all(pending);
      for (var j = 0; j < batch; j++) {
        if (hasZeroBits(new Uint8Array(digests[j]), difficulty)) {
          return prefix + (base + j);
        }
      }
      if (options.onProgress) {
        options.onProgress(base + batch);
      }
      if (options.yieldToPage && Date.now() - lastYield >= 50) {
        await new Promise(function (resolve) { setTimeout(resolve, 0); });
        lastYield = Date.now();
      }
    }
    throw new Error('no solution found');
  }

  /* Runs solve() in a Web Worker made from a Blob; rejects if workers are unavailable or blocked. */
  function solveInWorker(challenge, difficulty, onProgress) {
    return new Promise(function (resolve, reject) {
      var source = '"use strict";\n'
        + 'var hasZeroBits = ' + hasZeroBits.toString() + ';\n'
        + 'var solve = ' + solve.toString() + ';\n'
        + 'self.onmessage = function (event) {\n'
        + '  solve(event.data.challenge, event.data.difficulty, {\n'
        + '    onProgress: function (tries) { self.postMessage({ tries: tries }); }\n'
        + '  }).then(function (solution) { self.postMessage({ solution: solution }); },\n'
        + '    function (error) { self.postMessage({ error: String(error && error.message || error) }); });\n'
        + '};\n';
      var url;
      var worker;
      function finish() {
        worker.terminate();
        URL.revokeObjectURL(url);
      }
      try {
        url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        worker = new Worker(url);
      } catch (error) {
        if (url) {
          URL.revokeObjectURL(url);
        }
        reject(error);
        return;
      }
      worker.onmessage = function (event) {
        var data = event.data || {};
        if (typeof data.tries === 'number') {
          onProgress(data.tries);
        } else if (typeof data.solution === 'string') {
          finish();
          resolve(data.solution);
        } else {
          finish();
          reject(new Error(data.error || 'the worker failed'));
        }
      };
      worker.onerror = function (event) {
        if (event && event.preventDefault) {
          event.preventDefault();
        }
        finish();
        reject(new Error('the worker could not run'));
      };
      worker.postMessage({ challenge: challenge, difficulty: difficulty });
    });
  }

  function text(form, name) {
    var value = form.getAttribute('data-pow-text-' + name);
    return value === null ? DEFAULT_TEXT[name] : value;
  }

  function submitButtons(form) {
    return form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
  }

  function show(status, message, busy) {
    if (!status) {
      return;
    }
    // While busy, screen readers wait (aria-busy) and announce only the final message.
    status.setAttribute('aria-busy', busy ? 'true' : 'false');
    status.textContent = message;
  }

  function start(form) {
    if (form.getAttribute('data-pow-state')) {
      return;
    }
    form.setAttribute('data-pow-state', 'working');
    var challenge = form.getAttribute('data-pow-challenge') || '';
    var difficulty = parseInt(form.getAttribute('data-pow-difficulty'), 10);
    var input = form.querySelector('input[name="captcha"]');
    var status = form.querySelector('[data-pow-status]');
    var buttons = submitButtons(form);
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = true;
    }
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-pow-state') !== 'done') {
        event.preventDefault();
      }
    });
    show(status, text(form, 'working'), true);

    var expected = Math.pow(2, isNaN(difficulty) ? 0 : difficulty);
    var lastPercent = -1;
    function onProgress(tries) {
      // The chance of having found a solution by now; never claims 100% before the end.
      var percent = Math.min(99, Math.floor(100 * (1 - Math.exp(-tries / expected))));
      if (percent !== lastPercent) {
        lastPercent = percent;
        show(status, text(form, 'progress').replace('{percent}', String(percent)), true);
      }
    }
    function onPage() {
      return solve(challenge, difficulty, { onProgress: onProgress, yieldToPage: true });
    }
    var work = typeof Worker === 'function' && typeof Blob === 'function' && typeof URL === 'function'
      ? solveInWorker(challenge, difficulty, onProgress).catch(onPage)
      : onPage();
    return work.then(function (solution) {
      if (input) {
        input.value = solution;
      }
      form.setAttribute('data-pow-state', 'done');
      var label = form.getAttribute('data-pow-text-submit');
      for (var k = 0; k < buttons.length; k++) {
        buttons[k].disabled = false;
        if (label !== null) {
          if (buttons[k].tagName === 'INPUT') {
            buttons[k].value = label;
          } else {
            buttons[k].textContent = label;
          }
        }
      }
      show(status, text(form, 'done'), false);
      return solution;
    }, function (error) {
      form.setAttribute('data-pow-state', 'failed');
      show(status, text(form, 'failed'), false);
      if (global.console) {
        global.console.warn('OpenSSPR proof of work failed: ' + (error && error.message || error));
      }
    });
  }

  function startAll() {
    var forms = global.document.querySelectorAll('form[data-pow-challenge]');
    for (var i = 0; i < forms.length; i++) {
      start(forms[i]);
    }
  }

  global.OpenSsprPow = { solve: solve, start: start, hasZeroBits: hasZeroBits };

  if (global.document) {
    if (global.document.readyState === 'loading') {
      global.document.addEventListener('DOMContentLoaded', startAll);
    } else {
      startAll();
    }
  }
}(typeof window !== 'undefined' ? window : globalThis));
