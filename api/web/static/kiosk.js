/* The citizen kiosk. Two ways in (ask in your own words, or browse by life event), one answer card, reading aloud,
   a rating, "ask a clerk", and a privacy reset after a spell without input. Only our own API is called
   (docs/pages-backend.md); every visible string comes from the page's catalog through motcua.t(). */
(function () {
  "use strict";
  var m = window.motcua, t = m.t, el = m.el, lang = m.language;
  var IDLE = Number(m.config.idle_seconds) || 120;
  var COUNTDOWN = Number(m.config.countdown_seconds) || 15;
  var KEY = "motcua.kiosk";

  function $(id) { return document.getElementById(id); }
  var form = $("k-ask-form"), input = $("k-question"), says = $("k-says"), result = $("k-result");
  var tiles = $("k-tiles"), eventBox = $("k-event"), ticketBox = $("k-ticket"), dialog = $("k-idle");

  /* What survives a language switch (a reload) but not the idle reset: session, procedure shown, last answer id. */
  var state = restore();
  var card = null;        // the card on screen
  var events = null;      // life events by id, fetched on the first tile touched
  var audio = null;       // the WAV being played, when the browser has no voice of its own
  var lastInput = Date.now();
  var touched = Boolean(state.session || state.code || state.ticket || location.search);

  function restore() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function save() {
    try { sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep it in memory */ }
  }
  function fill(node, children) {
    node.replaceChildren.apply(node, children.filter(function (c) { return c !== null && c !== undefined; }));
  }
  /* Official Vietnamese text inside a page in another language: marked so a screen reader switches voice, and
     isolated left to right inside an outer element that keeps the page's alignment (right in Arabic). */
  function vi(tag, text, cls, attrs) {
    return el(tag, Object.assign({class: cls}, attrs), [el("span", {lang: "vi", dir: "ltr", text: text})]);
  }
  function maybeVi(tag, text, isVi, cls) { return isVi ? vi(tag, text, cls) : el(tag, {class: cls, text: text}); }
  function failed() {
    fill(says, [el("p", {class: "error", role: "alert", text: t("common.error")}), clerkButton()]);
  }

  /* ---- Asking ---- */
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (!question) { input.focus(); return; }
    input.value = "";
    ask(question, t("kiosk.you_asked", {q: question}));
  });

  var asking = false;
  async function ask(message, echo) {
    if (asking) { return; }  // one question at a time: a second tap waits for the first answer
    asking = true;
    touched = true;
    var you = el("p", {class: "k-you", text: echo});
    fill(says, [you, el("p", {class: "k-loading", text: t("common.loading")})]);
    var reply;
    try {
      reply = await m.api("POST", "/api/v1/chat",
                          {message: message, session_id: state.session || null, language: lang, channel: "kiosk"});
    } catch (err) { failed(); return; } finally { asking = false; }
    state.session = reply.session_id;
    state.message = reply.message_id;
    save();
    if (reply.outcome === "answered" && reply.procedure) {
      fill(says, [you, el("p", {class: "k-found", text: t("kiosk.answer_for", {name: reply.procedure.name})})]);
      await showCard(reply.procedure.code, reply.answer);
      return;
    }
    clearCard();
    var parts = [you];
    if (reply.outcome === "clarify") {
      parts.push(el("p", {class: "k-question", text: (reply.answer || "").split("\n")[0]}),
                 el("p", {class: "k-hint", text: t("kiosk.choose_one")}), choices(reply.candidates));
    } else if (reply.outcome === "no_match") {
      // a question about the service itself (a dossier's status, opening hours): the reply says where the answer is
      parts.push(el("p", {class: "k-question", text: reply.service ? reply.answer : t("kiosk.no_match")}));
      if (reply.candidates && reply.candidates.length) {
        parts.push(el("p", {class: "k-hint", text: t("kiosk.maybe")}), choices(reply.candidates));
      }
      parts.push(el("p", {text: t("kiosk.try_clerk")}), clerkButton());
    } else {
      parts.push(el("p", {class: "k-question", text: t("kiosk.out_of_scope")}), clerkButton());
    }
    fill(says, parts);
    says.scrollIntoView({block: "start"});
  }

  /* Candidates as big buttons: choosing one sends its code in the same session. */
  function choices(candidates) {
    return el("ul", {class: "k-choices"}, (candidates || []).map(function (c) {
      return el("li", {}, [procedureButton(c, "k-choice")]);
    }));
  }

  /* A procedure to pick (a candidate, or one of a life event's): its name, the official Vietnamese one beside. */
  function procedureButton(p, cls) {
    var named = Boolean(p.name_vi) && p.name !== p.name_vi;
    return el("button", {type: "button", class: cls, "data-code": p.code,
                         onclick: function () { ask(p.code, t("kiosk.you_chose", {q: p.name})); }},
              [maybeVi("span", p.name, p.name === p.name_vi, "k-procedure-name"),
               named ? vi("span", p.name_vi, "vi-name") : null]);
  }

  /* ---- The answer card ---- */
  async function showCard(code, answerText) {
    var data;
    try {
      data = await m.api("GET", "/api/v1/procedures/" + encodeURIComponent(code) + "/card?language=" + lang);
    } catch (err) { failed(); return; }
    card = data;
    state.code = code;
    save();
    fill(result, [renderCard(data, answerText)]);
    result.hidden = false;
    says.scrollIntoView({block: "start"});
    if (!document.activeElement || document.activeElement === document.body) { $("k-card-title").focus(); }
  }

  function clearCard() {
    stopReading();
    card = null;
    delete state.code;
    save();
    fill(result, []);
    result.hidden = true;
  }

  function renderCard(c, answerText) {
    var untranslated = !c.translated && lang !== "vi";  // the record is shown in Vietnamese: say so to the reader
    var named = c.name !== c.name_vi;
    return el("article", {class: "k-card", "aria-labelledby": "k-card-title"}, [
      el("p", {class: "k-code", text: t("card.code") + ": " + c.code}),
      named ? el("h2", {id: "k-card-title", tabindex: "-1", text: c.name})
        : vi("h2", c.name, null, {id: "k-card-title", tabindex: "-1"}),
      named ? vi("p", c.name_vi, "vi-name") : null,
      c.summary ? maybeVi("p", c.summary, untranslated, "k-summary") : null,
      answerText ? el("details", {class: "k-text"}, [el("summary", {text: t("kiosk.answer_text")}),
                                                     el("p", {class: "k-plain", text: answerText})]) : null,
      el("h3", {text: t("card.documents")}),
      documents(c.documents || [], untranslated),
      el("h3", {text: t("card.time_fee")}),
      channels(c.channels || []),
      el("h3", {text: t("card.where")}),
      maybeVi("p", c.where_to_submit || t("card.ask_counter"), untranslated && c.where_to_submit),
      c.where_to_submit_vi && c.where_to_submit_vi !== c.where_to_submit
        ? vi("p", c.where_to_submit_vi, "vi-name") : null,
      c.online_url ? el("p", {}, [t("card.online") + ": ",
                                  el("a", {href: c.online_url, target: "_blank", rel: "noopener", text: c.online_url})])
        : null,
      actions(c),
      el("p", {id: "k-card-status", class: "k-status", role: "status"}),
    ]);
  }

  /* The checklist: alternatives (same alternative_group) gathered under "one of", in the order they first appear. */
  function documents(docs, untranslated) {
    if (!docs.length) { return el("p", {text: t("card.no_documents")}); }
    var sizes = {}, groups = {}, items = [];
    docs.forEach(function (d) { if (d.alternative_group) { sizes[d.alternative_group] = (sizes[d.alternative_group] || 0) + 1; } });
    docs.forEach(function (d) {
      var group = d.alternative_group;
      if (!group || sizes[group] < 2) { items.push(documentItem(d, untranslated)); return; }
      if (!groups[group]) {
        groups[group] = el("ul", {class: "k-alternatives"});
        items.push(el("li", {class: "k-group"}, [el("p", {class: "k-one-of", text: t("card.one_of") + ":"}),
                                                   groups[group]]));
      }
      groups[group].appendChild(documentItem(d, untranslated));
    });
    return el("ul", {class: "k-documents"}, items);
  }

  function documentItem(d, untranslated) {
    var facts = [];
    if (d.form) { facts.push(t("card.form") + " " + d.form); }
    if (d.show_only) { facts.push(t("kiosk.show_only")); }
    else {
      if (d.originals) { facts.push(t("card.originals", {n: d.originals})); }
      if (d.copies) { facts.push(t("card.copies", {n: d.copies})); }
    }
    var named = d.name !== d.name_vi;
    return el("li", {class: "k-doc" + (d.show_only ? " k-show-only" : "")}, [
      maybeVi("span", d.name, !named && (untranslated || lang === "vi"), "k-doc-name"),
      named ? vi("span", d.name_vi, "vi-name") : null,
      facts.length ? el("span", {class: "k-facts", text: facts.join(" · ")}) : null,
      d.case ? el("span", {class: "k-case"}, [t("card.case") + ": ", vi("span", d.case)]) : null,
    ]);
  }

  /* Time and fee per channel; channels with the very same terms share one line. */
  function channels(list) {
    if (!list.length) { return el("p", {text: t("card.no_channel")}); }
    var rows = [];
    list.forEach(function (ch) {
      var detail = ch.text || [ch.time && t("kiosk.time") + ": " + ch.time, ch.fee && t("kiosk.fee") + ": " + ch.fee]
        .filter(Boolean).join(" · ");
      var same = rows.filter(function (row) { return row.detail === detail; })[0];
      if (same) { same.labels.push(ch.label); } else { rows.push({labels: [ch.label], detail: detail}); }
    });
    return el("ul", {class: "k-channels"}, rows.map(function (row) {
      return el("li", {}, [el("strong", {text: row.labels.join(" · ")}), el("span", {text: row.detail})]);
    }));
  }

  function actions(c) {
    var row = [
      el("a", {class: "button k-print", href: c.page_url, target: "_blank", rel: "noopener",
               "aria-label": t("kiosk.print") + " — " + t("kiosk.opens_page"), text: t("kiosk.print")}),
      el("button", {type: "button", id: "k-read", class: "secondary k-read", onclick: readAloud,
                    text: t("kiosk.read_aloud")}),
      clerkButton(),
    ];
    var rating = null;
    if (state.message) {
      rating = el("div", {class: "k-rating", role: "group", "aria-labelledby": "k-rating-label"}, [
        el("span", {id: "k-rating-label", text: t("kiosk.helpful")}),
        el("button", {type: "button", class: "secondary k-up", onclick: function () { rate("up"); },
                      text: t("kiosk.thumbs_up")}),
        el("button", {type: "button", class: "secondary k-down", onclick: function () { rate("down"); },
                      text: t("kiosk.thumbs_down")}),
      ]);
    }
    return el("div", {class: "k-card-actions"}, [el("div", {class: "k-actions"}, row), rating]);
  }

  function status(text) { var node = $("k-card-status"); if (node) { node.textContent = text; } }

  /* ---- Rating ---- */
  async function rate(rating) {
    var buttons = result.querySelectorAll(".k-rating button");
    buttons.forEach(function (b) { b.disabled = true; });
    try {
      await m.api("POST", "/api/v1/feedback",
                  {session_id: state.session || null, message_id: state.message, rating: rating, comment: null});
      status(t("kiosk.thanks"));
    } catch (err) {
      buttons.forEach(function (b) { b.disabled = false; });
      status(t("common.error"));
    }
  }

  /* ---- Reading aloud: the browser's voice for the language if it has one, else a WAV from the server ---- */
  function speechText(c) {
    var lines = [c.name, c.summary, t("card.documents")];
    (c.documents || []).forEach(function (d) { lines.push(d.name); });
    lines.push(t("card.where"), c.where_to_submit || t("card.ask_counter"));
    return lines.filter(Boolean).map(function (line) {
      return /[.:;?!。：？！]$/.test(line) ? line : line + ".";
    }).join("\n").slice(0, 2900);
  }

  function browserVoice() {
    if (!("speechSynthesis" in window)) { return null; }
    return speechSynthesis.getVoices().filter(function (v) {
      return (v.lang || "").toLowerCase().indexOf(lang) === 0;
    })[0] || null;
  }

  function stopReading() {
    var busy = false;
    if ("speechSynthesis" in window && (speechSynthesis.speaking || speechSynthesis.pending)) {
      speechSynthesis.cancel();
      busy = true;
    }
    if (audio) {
      audio.pause();
      URL.revokeObjectURL(audio.src);
      audio = null;
      busy = true;
    }
    var button = $("k-read");
    if (button) { button.textContent = t("kiosk.read_aloud"); }
    return busy;
  }

  async function readAloud() {
    if (!card || stopReading()) { return; }
    var button = $("k-read"), text = speechText(card), voice = browserVoice();
    if (voice) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.addEventListener("end", stopReading);
      speechSynthesis.speak(utterance);
      button.textContent = t("kiosk.stop_reading");
      return;
    }
    button.disabled = true;
    status(t("common.loading"));
    try {
      var response = await m.api("POST", "/api/v1/speech", {text: text, language: lang}, {raw: true});
      var url = URL.createObjectURL(await response.blob());
      audio = new Audio(url);
      audio.addEventListener("ended", stopReading);
      button.textContent = t("kiosk.stop_reading");
      status("");
      audio.play().catch(function () { status(t("kiosk.speech_unavailable")); });
    } catch (err) {
      status(t("kiosk.speech_unavailable"));
    } finally {
      button.disabled = false;
    }
  }

  /* ---- Ask a clerk: a ticket number, big, and where to wait ---- */
  function clerkButton() {
    return el("button", {type: "button", class: "k-clerk-button", onclick: askClerk, text: t("kiosk.ask_clerk")});
  }

  async function askClerk() {
    touched = true;
    var handoff;
    try {
      handoff = await m.api("POST", "/api/v1/handoffs", {session_id: state.session || null, language: lang});
    } catch (err) { failed(); return; }
    state.ticket = handoff.ticket;
    save();
    showTicket(handoff.ticket);
  }

  function showTicket(ticket) {
    fill(ticketBox, [
      el("h2", {id: "k-ticket-title", tabindex: "-1", text: t("kiosk.ticket_title")}),
      el("p", {class: "k-ticket-number", text: ticket}),
      el("p", {class: "k-ticket-wait", text: t("kiosk.ticket_wait")}),
      card ? el("a", {class: "button secondary", target: "_blank", rel: "noopener", text: t("kiosk.ticket_print"),
                      href: card.page_url + "&ticket=" + encodeURIComponent(ticket)}) : null,
    ]);
    ticketBox.setAttribute("aria-labelledby", "k-ticket-title");
    ticketBox.hidden = false;
    ticketBox.scrollIntoView({block: "start"});
    $("k-ticket-title").focus();
  }

  /* ---- Browsing by life event ---- */
  tiles.addEventListener("click", function (event) {
    var tile = event.target.closest("[data-event]");
    if (tile) { openEvent(tile.getAttribute("data-event")); }
  });

  async function openEvent(id) {
    touched = true;
    try {
      if (!events) {
        var list = await m.api("GET", "/api/v1/life-events?language=" + lang);
        events = {};
        list.forEach(function (item) { events[item.id] = item; });
      }
    } catch (err) { failed(); return; }
    var procedures = (events[id] && events[id].procedures) || [];
    fill(eventBox, [
      el("h3", {id: "k-event-title", tabindex: "-1", text: t("event." + id)}),
      procedures.length ? el("ul", {class: "k-procedures"}, procedures.map(function (p) {
        return el("li", {}, [procedureButton(p, "k-procedure")]);
      })) : el("p", {text: t("kiosk.no_procedures")}),
      el("button", {type: "button", class: "secondary", onclick: closeEvent, text: t("kiosk.all_topics")}),
    ]);
    tiles.hidden = true;
    eventBox.hidden = false;
    $("k-event-title").focus();
  }

  function closeEvent() {
    eventBox.hidden = true;
    fill(eventBox, []);
    tiles.hidden = false;
    var first = tiles.querySelector("button");
    if (first) { first.focus(); }
  }

  /* ---- Privacy: a countdown after IDLE seconds without input, then everything is cleared ---- */
  function reset() {
    stopReading();
    try { sessionStorage.clear(); localStorage.clear(); } catch (e) { /* nothing stored */ }
    state = {};
    card = null;
    [says, result, eventBox, ticketBox].forEach(function (node) { fill(node, []); });
    input.value = "";
    if (dialog.open) { dialog.close(); }
    location.replace(location.pathname);  // the start screen, in the kiosk's own language
  }

  function activity() {
    lastInput = Date.now();
    touched = true;
    if (dialog.open) { dialog.close(); }
  }
  ["pointerdown", "keydown", "touchstart", "input", "wheel"].forEach(function (name) {
    document.addEventListener(name, activity, {capture: true, passive: true});
  });

  function tick() {
    if (!touched) { return; }  // an untouched start screen has nothing to clear
    var idle = (Date.now() - lastInput) / 1000;
    if (idle < IDLE) { return; }
    var left = Math.ceil(IDLE + COUNTDOWN - idle);
    if (left <= 0) { reset(); return; }
    $("k-idle-count").textContent = String(left);
    $("k-idle-text").textContent = t("kiosk.idle_text", {n: left});
    if (!dialog.open) { dialog.showModal(); }
  }
  setInterval(tick, 1000);

  $("k-continue").addEventListener("click", activity);
  $("k-finish").addEventListener("click", reset);
  $("k-restart").addEventListener("click", reset);
  $("k-clerk").addEventListener("click", askClerk);
  if ("speechSynthesis" in window) { speechSynthesis.getVoices(); }  // Chromium loads its voice list lazily

  /* Back from a language switch: the same procedure, now in the new language. */
  if (state.code) { showCard(state.code, null); }
  if (state.ticket) { showTicket(state.ticket); }
})();
