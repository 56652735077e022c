// The service worker: after one visit the app opens and works with the network off.
// scripts/precache.py writes the build's copy to dist/sw.js, replacing BUILD (an id of the
// build's exact bytes) and FILES (every file of the build, relative to this script); this
// template itself is never served.
//
// Strategy: precache, cache first. Installing fetches every file of the build into a cache named
// after the build; the page's requests are answered from that cache (a navigation to the app
// with the cached index.html), and only what is not in it goes to the network. Only GET requests
// to this origin are touched: the page makes no other (its Content-Security-Policy says so).
//
// Updates: the browser fetches sw.js on every visit (it is served no-cache and registered with
// updateViaCache 'none'). A new build has a new BUILD, so a new worker installs, precaches the
// new files and takes over at once (skipWaiting); the open page keeps the code it loaded and says
// a new version is ready (sw-register.js), and the next visit gets the new files. Activating
// deletes the caches of older builds.
'use strict';

const BUILD = 'template';
const FILES = [];

const PREFIX = 'cmmc-readiness-';
const CACHE = PREFIX + BUILD;
// Trunk's hashed names (name-0123456789abcdef.js, ..._bg.wasm; the 64-bit hash is written
// without leading zeros) never change their bytes.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;
const INDEX = new URL('index.html', self.location).href;
const ROOT = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(FILES.map(async (file) => {
      const url = new URL(file, self.location).href;
      // A hashed file may come from the HTTP cache (the first visit just loaded it); any other
      // file is revalidated, so an older copy is never stored under this build.
      let response = await fetch(url, { cache: HASHED.test(file) ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`precache ${file}: HTTP ${response.status}`);
      // Some hosts redirect /index.html to / (Cloudflare Pages, Netlify's pretty URLs); a
      // redirected response cannot answer a navigation, so keep a clean copy of it.
      if (response.redirected) {
        response = new Response(await response.blob(), {
          status: response.status, statusText: response.statusText, headers: response.headers,
        });
      }
      await cache.put(url, response);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    if (url.href === ROOT || url.href === INDEX) {
      const page = await cache.match(INDEX);
      if (page) return page;
    }
    return fetch(request);
  }
  return (await cache.match(request)) || fetch(request);
}
