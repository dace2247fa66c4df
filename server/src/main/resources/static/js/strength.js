/*
 * OpenSSPR password strength meter: progressive enhancement only, the server's password policy
 * decides. For every <input data-strength="ID"> it shows the element with that id (hidden
 * without JavaScript) and sets its class strength-0 .. strength-4 and its text from the
 * element's data-strength-label and data-strength-<n> attributes (the server translates them).
 */
(function () {
  'use strict';

  function score(password) {
    if (!password) {
      return 0;
    }
    var classes = 0;
    [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].forEach(function (re) {
      if (re.test(password)) {
        classes++;
      }
    });
    var length = Array.from(password).length;
    if (length < 8) {
      return 1;
    }
    var points = (length >= 12 ? 2 : 1) + (length >= 16 ? 1 : 0) + (classes >= 3 ? 1 : 0);
    if (/^(.)\1+$/.test(password) || /^(?:password|wachtwoord|12345678|qwerty)/i.test(password)) {
      points = 1;
    }
    return Math.max(1, Math.min(4, points));
  }

  function attach(input) {
    var meter = document.getElementById(input.getAttribute('data-strength'));
    if (!meter) {
      return;
    }
    var text = meter.querySelector('.strength-text');
    function update() {
      var n = score(input.value);
      meter.className = 'strength strength-' + n;
      text.textContent = (meter.getAttribute('data-strength-label') || '') + ' '
        + (meter.getAttribute('data-strength-' + n) || '');
    }
    meter.hidden = false;
    input.addEventListener('input', update);
    update();
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
