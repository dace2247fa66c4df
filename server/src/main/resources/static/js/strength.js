/*
 * OpenSSPR password strength meter: progressive enhancement only, the server's password policy
 * decides. For every <input data-strength="ID" data-violations="ID" data-check="URL"> it shows the
 * meter with the first id (hidden without JavaScript) and, 250 ms after the user stops typing, asks
 * the server (a form post to data-check with the form's CSRF token) what the password step would
 * say: the violations, listed in the element with the second id, and the strength 0..4 for the
 * meter (class strength-0 .. strength-4, text from its data-strength-label and data-strength-<n>
 * attributes, which the server translates).
 *
 * Until the server has answered for exactly what is typed, the meter says at most "fair": it never
 * calls a password good or strong that the server has not accepted. When the server cannot be asked
 * (no session any more, too many checks, offline) the meter stays at that and the server checks the
 * password on submit. Nothing is logged or stored. With data-login-field="ID" (the admin console's
 * test box) the value of that field is sent as "login" too: the password as that user would meet it.
 */
(function () {
  'use strict';

  var DEBOUNCE_MS = 250;
  var FAIR = 2;

  /* Before the server's answer: empty, too short for the policy's minimum, or at most fair. */
  function provisional(password, minLength, lastRefused) {
    if (!password) {
      return 0;
    }
    if (Array.from(password).length < minLength || lastRefused) {
      return 1;
    }
    return FAIR;
  }

  function attach(input) {
    var meter = document.getElementById(input.getAttribute('data-strength'));
    if (!meter) {
      return;
    }
    var text = meter.querySelector('.strength-text');
    var box = document.getElementById(input.getAttribute('data-violations'));
    var title = box ? box.querySelector('.violations-title') : null;
    var list = box ? box.querySelector('.violations-list') : null;
    var url = input.getAttribute('data-check');
    var token = input.form ? input.form.querySelector('input[name="_csrf"]') : null;
    var minLength = parseInt(input.getAttribute('data-min-length'), 10) || 8;
    var timer = null;
    var asked = 0;
    var pausedUntil = 0;
    var lastRefused = false;

    function show(level) {
      meter.className = 'strength strength-' + level;
      text.textContent = (meter.getAttribute('data-strength-label') || '') + ' '
        + (meter.getAttribute('data-strength-' + level) || '');
    }

    function showViolations(violations) {
      if (!list) {
        return;
      }
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      violations.forEach(function (violation) {
        var item = document.createElement('li');
        item.textContent = violation.message;
        item.setAttribute('data-code', violation.code);
        list.appendChild(item);
      });
      list.hidden = violations.length === 0;
      if (title) {
        title.hidden = violations.length === 0;
      }
    }

    function check() {
      var password = input.value;
      var mine = ++asked;
      if (!url || !password || Date.now() < pausedUntil) {
        if (!password) {
          showViolations([]);
          lastRefused = false;
        }
        return;
      }
      var body = new URLSearchParams();
      body.set('newPassword', password);
      var loginField = document.getElementById(input.getAttribute('data-login-field') || '');
      if (loginField) {
        body.set('login', loginField.value);
      }
      if (token) {
        body.set('_csrf', token.value);
      }
      fetch(url, {
        method: 'POST',
        body: body,
        headers: { 'Accept': 'application/json' },
        credentials: 'same-origin',
        redirect: 'error',
        cache: 'no-store'
      }).then(function (response) {
        if (response.status === 429) {
          var wait = parseInt(response.headers.get('Retry-After'), 10);
          pausedUntil = Date.now() + 1000 * (wait > 0 ? wait : 60);
        }
        var type = response.headers.get('Content-Type') || '';
        if (!response.ok || type.indexOf('json') < 0) {
          throw new Error('no verdict');
        }
        return response.json();
      }).then(function (verdict) {
        if (mine !== asked || input.value !== password) {
          return; // the user typed on: a newer check is on its way
        }
        var violations = Array.isArray(verdict.violations) ? verdict.violations : [];
        lastRefused = violations.length > 0;
        var level = parseInt(verdict.strength, 10);
        show(violations.length > 0 ? Math.min(level, 1) : Math.max(0, Math.min(level, 4)));
        showViolations(violations);
      })['catch'](function () {
        // No verdict: the meter stays provisional and the server checks the password on submit.
      });
    }

    meter.hidden = false;
    input.addEventListener('input', function () {
      show(provisional(input.value, minLength, lastRefused));
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DEBOUNCE_MS);
    });
    show(provisional(input.value, minLength, false));
    if (input.value) {
      check();
    }
  }

  function attachAll() {
    var inputs = document.querySelectorAll('input[data-strength]');
    for (var i = 0; i < inputs.length; i++) {
      attach(inputs[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', attachAll);
  } else {
    attachAll();
  }
}());
