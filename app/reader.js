// Read-aloud (issue 7), inlined into index.html. The app draws the bar (components/reader.rs):
// its buttons, its words (data-*, from i18n/), the language and where the pieces to read are
// (data-pieces, a CSS selector). This script reads them: one piece at a time (a paragraph, a
// step, a picture's description, a question, an answer), the piece being read marked.
//
// Sources, behind one function (`play`), in order: the piece's recording (data-audio, a file
// the lesson provides), then the browser's speech synthesis with a voice for the language.
// Android's WebView has none; an embedding host may give its own voice as `window.knsVoice`
// (speak(text, lang, ended), pause(), resume(), stop()), tried before the browser's. Where no
// source exists, the bar stays hidden and its sentence says so.
//
// Script, not Rust: it costs about 1 KB of the page instead of 5 KB of wasm, which is at its
// budget (docs/benchmarks.md), and it works on the page as the app drew it.
(function () {
  var d = document, w = window, now = null, turn = 0, found = {};

  function synth() { return w.speechSynthesis && w.speechSynthesis.getVoices ? w.speechSynthesis : null; }

  // The browser's voice for `lang`, a local one first.
  function voice(lang) {
    var s = synth(), all = s ? s.getVoices() : [], fit = [];
    for (var i = 0; i < all.length; i++) if ((all[i].lang || '').split(/[-_]/)[0].toLowerCase() === lang) fit.push(all[i]);
    for (i = 0; i < fit.length; i++) if (fit[i].localService) return fit[i];
    return fit[0] || null;
  }

  function words(el) {
    var text = (el.innerText || '').trim(), img = el.querySelector('img');
    return text || (img && img.alt) || '';
  }

  function pieces(bar) {
    return [].filter.call(d.querySelectorAll(bar.dataset.pieces), function (el) { return words(el); });
  }

  // Stops whatever plays; its end is not reported.
  function stop() {
    turn++;
    if (now && now.audio) now.audio.pause();
    if (w.knsVoice) w.knsVoice.stop();
    var s = synth();
    if (s) s.cancel();
    if (now) now.audio = null;
  }

  // Reads `el` with the best source there is; `ended` when done. False if there is none.
  function play(el, lang, ended) {
    stop();
    var mine = ++turn, text = words(el), src = el.getAttribute('data-audio');
    function done() { if (mine === turn) ended(); }
    function speak() {
      if (w.knsVoice) return w.knsVoice.speak(text, lang, done), true;
      var v = voice(lang), s = synth();
      if (!v || !s) return false;
      var u = new SpeechSynthesisUtterance(text);
      u.voice = v;
      u.lang = v.lang;
      u.onend = done;
      s.speak(u);
      return true;
    }
    if (src) {
      var a = new Audio(src);
      // A recording that does not load (offline, say) is read by the voice instead.
      a.onended = done;
      a.onerror = function () { if (mine === turn && !speak()) done(); };
      now.audio = a;
      a.play().catch(function () {});
      return true;
    }
    return speak();
  }

  // Shows the bar's state: the main button's words, the other buttons, where it is or `said`.
  function draw(said) {
    var bar = now.bar, b = bar.dataset, at = now.at;
    bar.querySelector('#reader-main').textContent =
      now.state === 'speaking' ? b.pause : now.state === 'paused' ? b.resume : at === null ? b.play : b.again;
    bar.querySelector('#reader-next').hidden = at === null;
    bar.querySelector('#reader-at').textContent = said || (at === null ? '' :
      b.at.replace('{$n}', at + 1).replace('{$total}', pieces(bar).length));
  }

  function mark(el) {
    var old = d.querySelector('.reading');
    if (old) old.classList.remove('reading');
    if (el) { el.classList.add('reading'); el.scrollIntoView({ block: 'center' }); }
  }

  function read(n) {
    var list = pieces(now.bar), el = list[n], bar = now.bar;
    if (!el) { stop(); mark(null); now.at = null; now.state = 'ready'; return draw(bar.dataset.end); }
    mark(el);
    now.at = n;
    now.state = 'speaking';
    draw('');
    var ok = play(el, bar.dataset.lang, function () {
      if (now && now.bar === bar && now.state === 'speaking') { now.state = 'ready'; draw(''); }
    });
    if (!ok) { now.state = 'ready'; draw(bar.dataset.none); }
  }

  // A bar drawn: is there a way to read here? The browser lists its voices a moment after the
  // page loads, so an empty list is asked again, a few times.
  function setup(bar) {
    if (now && now.bar === bar) return;
    if (now) { stop(); mark(null); }
    now = { bar: bar, at: null, state: 'ready', audio: null };
    var lang = bar.dataset.lang, tries = 8;
    (function look() {
      if (now.bar !== bar) return;
      var recorded = d.querySelector(bar.dataset.pieces + '[data-audio]');
      var able = !!(w.knsVoice || voice(lang) || recorded);
      if (able || found[lang] === false || !synth() || !tries--) {
        found[lang] = able;
        bar.hidden = !able;
        bar.nextElementSibling.hidden = able;
        return;
      }
      setTimeout(look, 250);
    })();
  }

  function scan() {
    var bar = d.getElementById('reader');
    if (bar) setup(bar);
    else if (now) { stop(); mark(null); now = null; }
  }
  new MutationObserver(scan).observe(d.documentElement, { childList: true, subtree: true });
  d.addEventListener('DOMContentLoaded', scan);

  d.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('#reader button');
    if (!b || !now) return;
    if (b.id === 'reader-next') return read(now.at === null ? 0 : now.at + 1);
    if (now.state === 'speaking') {
      now.state = 'paused';
      if (now.audio) now.audio.pause(); else if (w.knsVoice) w.knsVoice.pause(); else if (synth()) synth().pause();
    } else if (now.state === 'paused') {
      now.state = 'speaking';
      if (now.audio) now.audio.play(); else if (w.knsVoice) w.knsVoice.resume(); else if (synth()) synth().resume();
    } else return read(now.at === null ? 0 : now.at);
    draw('');
  });
})();
