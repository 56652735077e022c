// Registers the service worker that keeps the app working offline (sw.js, written by
// scripts/precache.py at build time with the build's exact files), and shows the update notice
// when a new version has been installed. A file of its own, from the page's origin, so the
// Content-Security-Policy needs no inline script for it.
//
// The single-file build (scripts/build-single-file) leaves this script out: a file:// page cannot
// have a service worker, and the app does not need one to work.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  // sw.js sits next to this script (the root of the build), whatever path the site is under.
  var workerUrl = new URL('sw.js', document.currentScript.src);

  // The notice's markup is a <template> in index.html; it is put at the top of <body> only when
  // there is news, outside the app's root (<div id="app">, which the app hydrates: a node of its
  // own there would not match the app's first render).
  function showNotice() {
    var template = document.getElementById('update-notice-template');
    if (!template || document.getElementById('update-notice')) return;
    document.body.prepend(template.content.cloneNode(true));
    document.getElementById('update-notice-close').addEventListener('click', function () {
      document.getElementById('update-notice').remove();
    });
  }

  // A new worker that installs while an older one is active is a new version: it takes over at
  // once but this page keeps running the code it loaded, so the notice says it is for next time.
  // The first worker ever installed is not news.
  function watch(registration, worker) {
    if (!worker || !registration.active || registration.active === worker) return;
    var ready = function () {
      if (worker.state === 'installed' || worker.state === 'activating' || worker.state === 'activated') {
        worker.removeEventListener('statechange', ready);
        showNotice();
      }
    };
    worker.addEventListener('statechange', ready);
    ready();
  }

  function register() {
    navigator.serviceWorker
      .register(workerUrl.href, { scope: new URL('./', workerUrl).href, updateViaCache: 'none' })
      .then(function (registration) {
        watch(registration, registration.waiting);
        watch(registration, registration.installing);
        registration.addEventListener('updatefound', function () {
          watch(registration, registration.installing);
        });
      })
      .catch(function () {
        // Offline use is a bonus: without a worker the app works as before, online.
      });
  }

  // After the page has loaded, so registering and precaching never compete with the start-up.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
