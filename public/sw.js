// Kỹ năng số's service worker: the app shell works with no network after one visit.
//
// The build (`cargo xtask content`, Trunk's post-build hook) writes BUILD and SHELL below: a
// build id and the files of this build that are stored at install (the app's page, JS, wasm,
// course index, icon, manifest: about 125 KB, most of it already in the HTTP cache). Every page
// of the build carries the same id in <meta name="kns-build">.
// - Pages (navigations): the network first, so a learner online always gets the newest page,
//   and a copy of each page of this build that the learner opens is kept; offline, that copy,
//   or the app's page, which shows any address. (Lesson pages are not all stored at install:
//   13 of them would add 60 KB to a first visit on mobile data.)
// - The shell's files: from the cache. Their names carry a hash, so the cache never serves a
//   file of another build to a page of this one.
// - The settings entry's JS and wasm (settings/): kept in this build's cache when first fetched
//   (not at install: few learners open settings, and a first visit must stay light).
// - Lessons' pictures and recordings (content/<lesson>/<file>, also in a folder of the lesson's,
//   as audio/buoc-1.mp3): the network first, and a whole copy kept in a cache of their own that
//   no update empties; offline, that copy. ("Download all lessons" fetches them so they are
//   here; a part of a file, as an audio element asks for, is never kept.)
// - Everything else (lessons themselves): the network, untouched. Lessons are kept offline in
//   IndexedDB by the app, not here, so an update never downloads the course again.
// A new version waits (no silent skipWaiting: an old page never runs with new files). The app
// tells the learner it is ready; when they choose to update, their page sends 'kns-update',
// the new version takes over and that page reloads (the loader in Trunk.toml). Other tabs of
// the old build keep their files and show the same offer.
const BUILD = 'development';
const SHELL = [];
const CACHE = `kns-shell-${BUILD}`;
const PICTURES = 'kns-pictures';

self.addEventListener('install', (event) => {
  event.waitUntil(
    // Pages are checked with the server; hashed files may come from the HTTP cache.
    caches.open(CACHE).then((cache) =>
      cache.addAll(SHELL.map((path) => new Request(path, { cache: path.endsWith('.html') ? 'no-cache' : 'default' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('kns-shell-') && n !== CACHE).map((n) => caches.delete(n)))),
  );
});

self.addEventListener('message', (event) => {
  // Only this origin's pages can reach a worker; the check keeps it so if that ever changes.
  if (event.data === 'kns-update' && event.origin === self.location.origin) self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
  } else if (url.pathname.startsWith('/settings/') && /\.(js|wasm)$/.test(url.pathname)) {
    // The settings entry's files: not stored at install (few open it), kept when first fetched.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(url.pathname);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) event.waitUntil(cache.put(url.pathname, response.clone()));
        return response;
      }),
    );
  } else if (/^\/content\/[^/]+\/.+$/.test(url.pathname) && !url.pathname.startsWith('/content/lessons/')) {
    event.respondWith(picture(event, url));
  }
});

// A lesson's picture: the network's answer (a copy kept), or offline the kept copy.
async function picture(event, url) {
  const cache = await caches.open(PICTURES);
  try {
    const response = await fetch(event.request);
    if (response.status === 200) event.waitUntil(cache.put(url.pathname, response.clone()));
    return response;
  } catch (offline) {
    return (await cache.match(url.pathname)) || Response.error();
  }
}

// The network's answer (a copy kept if it is a page of this build); offline, the kept copy of
// this address, or the app's page.
async function page(event, url) {
  const cache = await caches.open(CACHE);
  const own = url.pathname.replace(/\/+$/, '') + '/index.html';
  try {
    const response = await fetch(event.request);
    if (response.ok && !response.redirected) {
      event.waitUntil(
        response
          .clone()
          .text()
          .then((html) => {
            if (html.includes(`<meta name="kns-build" content="${BUILD}">`)) {
              return cache.put(own, new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
            }
          }),
      );
    }
    return response;
  } catch (offline) {
    return (await cache.match(own)) || (await cache.match('/index.html')) || Response.error();
  }
}
