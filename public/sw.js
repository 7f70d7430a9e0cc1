// Kỹ năng số's service worker: the app shell works with no network after one visit.
//
// The build (`cargo xtask content`, Trunk's post-build hook) writes BUILD and SHELL below: a
// build id and the files of this build (pages, JS, wasm, course index, icon, manifest). Every
// page of the build carries the same id in <meta name="kns-build">.
// - Pages (navigations): the network first, so a learner online always gets the newest page;
//   offline, the page of this build from the cache.
// - The shell's files: from the cache. Their names carry a hash, so the cache never serves a
//   file of another build to a page of this one.
// - Everything else (lessons, pictures): the network, untouched. Lessons are kept offline in
//   IndexedDB by the app, not here, so an update never downloads the course again.
// A new version waits until every tab of the old one is closed (no skipWaiting): an old page
// never runs with new files.
const BUILD = 'development';
const SHELL = [];
const CACHE = `kns-shell-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('kns-shell-') && n !== CACHE).map((n) => caches.delete(n)))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
  }
});

// The network's answer; offline, this build's static page for the address, or the app's page.
async function page(request, url) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const own = url.pathname.replace(/\/+$/, '') + '/index.html';
    return (await cache.match(own)) || (await cache.match('/index.html')) || Response.error();
  }
}
