// Plays an article in the chosen voice and highlights the sentence being
// read, using the sentence timings served beside each MP3; shows the
// reading's chapters (title, lead, subheadings), seeks to one when it is
// chosen and marks the chapter being read.
(function () {
  "use strict";
  var root = document.getElementById("player");
  if (!root) return;
  var audio = root.querySelector("audio");
  var list = root.querySelector(".transcript");
  var buttons = root.querySelectorAll("button.voice");
  var cues = [];
  var current = -1;
  var loading = 0;
  var chapters = null; // the chosen voice's chapter list, if it has one

  // Chapters: seek on click, mark the one being read.
  root.querySelectorAll("nav.chapters button").forEach(function (b) {
    b.addEventListener("click", function () {
      audio.currentTime = Number(b.dataset.start) / 1000;
      audio.play().catch(function () {});
      update();
    });
  });

  function markChapter(ms) {
    if (!chapters) return;
    var items = chapters.querySelectorAll("button");
    var at = -1;
    items.forEach(function (b, i) { if (ms >= Number(b.dataset.start)) at = i; });
    items.forEach(function (b, i) {
      if (i === at) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    });
  }

  function show(i) {
    if (i === current) return;
    if (current >= 0 && list.children[current]) list.children[current].classList.remove("reading");
    current = i;
    if (i >= 0 && list.children[i]) {
      var li = list.children[i];
      li.classList.add("reading");
      var top = li.offsetTop - list.offsetTop;
      if (top < list.scrollTop || top + li.offsetHeight > list.scrollTop + list.clientHeight) {
        list.scrollTop = top - list.clientHeight / 3;
      }
    }
  }

  function update() {
    var ms = audio.currentTime * 1000;
    markChapter(ms);
    for (var i = 0; i < cues.length; i++) {
      if (ms >= cues[i].start_ms && ms < cues[i].end_ms) { show(i); return; }
    }
    show(-1);
  }

  function choose(button) {
    var voice = button.dataset.voice;
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
    chapters = null;
    root.querySelectorAll("nav.chapters").forEach(function (n) {
      n.hidden = n.dataset.voice !== voice;
      if (!n.hidden) chapters = n;
    });
    audio.src = button.dataset.mp3;
    audio.play().catch(function () {});
    cues = [];
    current = -1;
    list.replaceChildren();
    list.hidden = true;
    var token = ++loading;
    fetch(button.dataset.timings)
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (data) {
        if (token !== loading || !Array.isArray(data)) return;
        cues = data;
        cues.forEach(function (c) {
          var li = document.createElement("li");
          li.textContent = c.text;
          li.addEventListener("click", function () {
            audio.currentTime = c.start_ms / 1000;
            audio.play().catch(function () {});
          });
          list.appendChild(li);
        });
        list.hidden = cues.length === 0;
        update();
      })
      .catch(function () {});
  }

  buttons.forEach(function (b) {
    b.addEventListener("click", function () { choose(b); });
  });
  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", update);
})();
