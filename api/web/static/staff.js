/* Staff console: sign-in, grounded chat with openable citations, procedure browser, dossier check with the printable
   request to supplement, and the "ask a clerk" queue. Plain DOM, text only (never HTML from data). */
(function () {
  "use strict";
  var m = window.motcua, t = m.t, el = m.el, lang = m.language;
  var CODE = /\d+\.\d{3,}/;
  var me = null, sessionId = null, procLoaded = false, chosen = [], result = null, queueTimer = null, queueSeen = "";
  var languageNames = {};
  document.querySelectorAll(".languages a[hreflang]").forEach(function (a) { languageNames[a.getAttribute("hreflang")] = a.textContent; });

  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function fail(error) { return error && error.detail ? String(error.detail) : t("common.error"); }
  function label(prefix, key) { var k = prefix + key, v = t(k); return v === k ? key : v; }
  function when(iso) { var d = new Date(iso); return isNaN(d) ? String(iso || "") : d.toLocaleString(lang); }
  function button(text, handler, cls) { return el("button", {type: "button", class: cls || "secondary", text: text, onclick: handler}); }
  function vi(text, translated) { return el("span", {lang: translated ? null : "vi", text: text}); }
  function meta(list, rows) {
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") { return; }
      list.appendChild(el("dt", {text: t(row[0])}));
      list.appendChild(el("dd", {lang: row[2] || null}, [typeof row[1] === "object" ? row[1] : el("bdi", {text: String(row[1])})]));
    });
    return list;
  }
  async function call(method, path, body, options) {
    try { return await m.api(method, path, body, options); }
    catch (error) { if (error.status === 401) { show({role: "public"}); } throw error; }
  }

  /* ---- signing in and out ---- */
  function show(who) {
    me = who && who.role !== "public" ? who : null;
    $("sign-in").hidden = !!me;
    $("console").hidden = $("user-box").hidden = !me;
    clearInterval(queueTimer);
    if (!me) { $("sign-in-name").focus(); return; }
    $("user-name").textContent = t("console.signed_in_as", {name: me.name || ""});
    if (!$("sup-officer").value) { $("sup-officer").value = me.name || ""; }
    refreshQueue();
    queueTimer = setInterval(refreshQueue, 4000);
  }
  $("sign-in-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var error = $("sign-in-error"), name = $("sign-in-name").value.trim(), password = $("sign-in-password").value;
    error.textContent = "";
    if (!name || !password) { error.textContent = t("console.fill_both"); return; }
    try { show(await m.api("POST", "/api/v1/auth/login", {name: name, password: password})); $("sign-in-password").value = ""; }
    catch (e) { error.textContent = t("console.sign_in_failed", {detail: fail(e)}); }
  });
  $("sign-out").addEventListener("click", async function () {
    try { await m.api("POST", "/api/v1/auth/logout"); } catch (e) { /* the cookies go either way */ }
    show({role: "public"});
  });

  /* ---- tabs (arrow keys move between them; mirrored in right-to-left) ---- */
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  function select(tab) {
    tabs.forEach(function (other) {
      var on = other === tab;
      other.setAttribute("aria-selected", String(on));
      other.tabIndex = on ? 0 : -1;
      $(other.getAttribute("aria-controls")).hidden = !on;
    });
    if (tab.id === "tab-queue") { refreshQueue(); }
    if (tab.id === "tab-procedures" && !procLoaded) { searchProcedures(1); }
  }
  tabs.forEach(function (tab, i) {
    tab.addEventListener("click", function () { select(tab); });
    tab.addEventListener("keydown", function (event) {
      var step = ({ArrowRight: 1, ArrowLeft: -1}[event.key] || 0) * (document.dir === "rtl" ? -1 : 1);
      if (!step) { return; }
      var next = tabs[(i + step + tabs.length) % tabs.length];
      next.focus();
      select(next);
    });
  });

  /* ---- ask ---- */
  function sectionLabel(name) { return label("section.", name); }
  $("chat-form").addEventListener("submit", function (event) { event.preventDefault(); ask($("chat-input").value); });
  $("chat-input").addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); ask(this.value); }
  });
  $("chat-new").addEventListener("click", function () {
    sessionId = null;
    clear($("chat-log")).appendChild(el("p", {class: "hint", text: t("staff.ask_hint")}));
    $("chat-input").focus();
  });
  async function ask(text) {
    text = (text || "").trim();
    if (!text) { return; }
    var log = $("chat-log"), hint = log.querySelector(".hint");
    if (hint) { hint.remove(); }
    log.appendChild(el("div", {class: "msg msg-q"}, [el("p", {class: "msg-who", text: t("staff.you")}), el("p", {dir: "auto", text: text})]));
    $("chat-input").value = ""; $("chat-send").disabled = true;
    var waiting = log.appendChild(el("p", {class: "muted", text: t("common.loading")}));
    try {
      var r = await call("POST", "/api/v1/chat", {message: text, session_id: sessionId, language: lang, channel: "staff"});
      sessionId = r.session_id;
      waiting.replaceWith(answerNode(r));
    } catch (e) { waiting.className = "error"; waiting.textContent = fail(e); }
    $("chat-send").disabled = false;
    log.scrollTop = log.scrollHeight;
  }
  function answerNode(r) {
    var box = el("div", {class: "msg msg-a"}, [
      el("p", {class: "msg-who", text: t("staff.assistant") + " · " + label("outcome.", r.outcome)}),
      el("div", {class: "answer", lang: r.language === lang ? null : r.language, text: r.answer})]);
    if (r.outcome === "clarify" && r.candidates.length) {
      box.appendChild(el("div", {class: "row"}, r.candidates.map(function (c) {
        return button(c.code + " — " + c.name, function () { ask(c.code); });
      })));
    }
    if (r.citations.length) {
      box.appendChild(el("p", {class: "msg-who", text: t("staff.citations")}));
      box.appendChild(el("ol", {class: "citations"}, r.citations.map(function (c) {
        return el("li", {}, [button(c.procedure_code + " · " + sectionLabel(c.section), function () { openSource(c); }, "link citation"),
          el("span", {class: "small muted", lang: "vi", text: " " + c.snippet.slice(0, 90) + "…"})]);
      })));
    }
    return box;
  }
  async function openSource(c) {
    var body = clear($("source-body")), list = clear($("source-meta")), data;
    body.appendChild(el("p", {class: "muted", text: t("common.loading")}));
    $("source-dialog").showModal();
    var path = "/api/v1/procedures/" + encodeURIComponent(c.procedure_code) + "/source";
    try { data = await call("GET", path + "?section=" + encodeURIComponent(c.section)); }
    catch (e) {
      try { data = await call("GET", path); }
      catch (e2) { clear(body).appendChild(el("p", {class: "error", text: fail(e2)})); return; }
    }
    var link = data.url ? el("a", {href: data.url, target: "_blank", rel: "noopener", text: data.url}) : t("staff.no_url");
    meta(list, [["staff.source_label", data.source], ["staff.source_decision", data.decision || t("staff.unknown")],
      ["staff.source_url", link], ["staff.source_code", data.code], ["staff.source_section", sectionLabel(c.section)]]);
    clear(body);
    var sections = data.sections || {}, names = Object.keys(sections);
    if (sections[c.section]) { names = [c.section]; }
    if (!names.length) {
      body.appendChild(el("p", {class: "muted", text: t("staff.source_missing")}));
      body.appendChild(el("blockquote", {lang: "vi", text: c.snippet}));
    }
    names.forEach(function (name) {
      body.appendChild(el("h3", {text: sectionLabel(name)}));
      body.appendChild(el("div", {class: "source-section", lang: "vi", text: sections[name]}));
    });
  }
  $("source-close").addEventListener("click", function () { $("source-dialog").close(); });

  /* ---- procedures ---- */
  var procPage = 1, fieldsSeen = {};
  $("proc-form").addEventListener("submit", function (event) { event.preventDefault(); searchProcedures(1); });
  $("proc-prev").addEventListener("click", function () { searchProcedures(procPage - 1); });
  $("proc-next").addEventListener("click", function () { searchProcedures(procPage + 1); });
  async function searchProcedures(pageNo) {
    procLoaded = true;
    var query = new URLSearchParams({page: String(pageNo)}), list = $("proc-list"), r;
    [["q", "proc-q"], ["field", "proc-field"], ["level", "proc-level"], ["agency", "proc-agency"]].forEach(function (p) {
      var value = $(p[1]).value.trim();
      if (value) { query.set(p[0], value); }
    });
    try { r = await call("GET", "/api/v1/procedures?" + query); }
    catch (e) { clear(list).appendChild(el("li", {class: "error", text: fail(e)})); return; }
    clear(list); procPage = r.page;
    var pages = Math.max(1, Math.ceil(r.total / r.page_size));
    $("proc-total").textContent = t("staff.found", {n: r.total});
    $("proc-page").textContent = t("staff.page_of", {page: r.page, pages: pages});
    $("proc-prev").disabled = r.page <= 1; $("proc-next").disabled = r.page >= pages;
    r.items.forEach(function (p) {
      if (p.field && !fieldsSeen[p.field]) { fieldsSeen[p.field] = 1; $("proc-fields").appendChild(el("option", {value: p.field})); }
      list.appendChild(el("li", {}, [
        el("button", {type: "button", class: "link proc-item", "data-code": p.code, onclick: function () { openProcedure(p.code); }},
          [el("span", {class: "code", text: p.code}), " ", vi(p.name)]),
        el("span", {class: "muted small", lang: "vi", text: [p.field].concat(p.level || []).filter(Boolean).join(" · ")})]));
    });
  }
  async function openProcedure(code) {
    var box = clear($("proc-detail")), card, record, path = "/api/v1/procedures/" + encodeURIComponent(code);
    box.appendChild(el("p", {class: "muted", text: t("common.loading")}));
    try { var both = await Promise.all([call("GET", path + "/card?language=" + lang), call("GET", path)]); card = both[0]; record = both[1]; }
    catch (e) { clear(box).appendChild(el("p", {class: "error", text: fail(e)})); return; }
    clear(box);
    var same = card.name === card.name_vi;
    box.appendChild(el("h3", {lang: same ? "vi" : null, text: card.name}));
    if (!same) { box.appendChild(el("p", {class: "vi-name", lang: "vi", text: card.name_vi})); }
    box.appendChild(el("div", {class: "row"}, [
      el("a", {class: "button secondary", href: card.page_url, target: "_blank", rel: "noopener", text: t("staff.printable")}),
      button(t("staff.check_this"), function () { $("dossier-code").value = card.code + " — " + card.name_vi; describe(card.code); select($("tab-dossier")); })]));
    var agencies = record.agencies || {};
    box.appendChild(meta(el("dl", {class: "meta"}), [["staff.code", card.code], ["staff.field", card.field, "vi"],
      ["staff.level", (card.levels || []).join(", "), "vi"], ["staff.decision", record.decision_number],
      ["staff.competent", agencies.competent, "vi"], ["staff.implementing", agencies.implementing, "vi"],
      ["staff.applicants", (record.applicants || []).join("; "), "vi"], ["staff.verified_on", (record.provenance || {}).verified_on]]));
    if (card.summary) { box.appendChild(el("p", {lang: card.translated ? null : "vi", text: card.summary})); }
    box.appendChild(el("h4", {text: t("card.documents")}));
    var letters = {};
    card.documents.forEach(function (d) { if (d.alternative_group && !letters[d.alternative_group]) { letters[d.alternative_group] = String.fromCharCode(65 + Object.keys(letters).length); } });
    var rows = card.documents.map(function (d) {
      var name = [vi(d.name, d.name !== d.name_vi || card.translated)];
      if (d.name !== d.name_vi) { name.push(el("br"), el("span", {class: "vi-name", lang: "vi", text: d.name_vi})); }
      if (d.note) { name.push(el("br"), el("small", {lang: "vi", text: d.note})); }
      return el("tr", {}, [el("td", {}, name),
        el("td", {text: d.show_only ? t("card.show_only") : String(d.originals || 0)}), el("td", {text: String(d.copies || 0)}),
        el("td", {text: d.form || ""}), el("td", {lang: "vi", text: d.case || ""}),
        el("td", {text: d.alternative_group ? letters[d.alternative_group] : ""})]);
    });
    box.appendChild(table(["staff.document", "staff.originals", "staff.copies", "staff.form", "card.case", "staff.alternatives"], rows));
    if (Object.keys(letters).length) { box.appendChild(el("p", {class: "small muted", text: t("staff.alternatives_note")})); }
    (card.document_notes || []).forEach(function (note) { box.appendChild(el("p", {class: "small", lang: "vi", text: note})); });
    box.appendChild(el("h4", {text: t("card.time_fee")}));
    box.appendChild(table(["staff.channel", "staff.time", "staff.fee"], card.channels.map(function (c) {
      return el("tr", {}, [el("td", {text: c.label}), el("td", {text: c.time}), el("td", {text: c.fee})]);
    })));
    box.appendChild(el("h4", {text: t("card.where")}));
    box.appendChild(el("p", {lang: card.where_to_submit === card.where_to_submit_vi ? "vi" : null, text: card.where_to_submit || t("card.ask_counter")}));
    if (card.online_url) { box.appendChild(el("p", {}, [t("card.online") + ": ", el("a", {href: card.online_url, target: "_blank", rel: "noopener", text: card.online_url})])); }
    listBlock(box, "staff.requirements", record.requirements || [], "ul", "vi");
    listBlock(box, "staff.results", (record.results || []).map(function (x) { return x.name || String(x); }), "ul", "vi");
    listBlock(box, "card.legal_basis", card.legal_basis, "ul", "vi");
    var stepsVi = (record.steps || []).some(function (x) { return card.steps.indexOf(x.text) >= 0; });
    listBlock(box, "staff.steps", card.steps, "ol", stepsVi ? "vi" : null);
    box.appendChild(el("p", {class: "small muted", text: t("card.source") + ": " + card.source}));
    box.focus();
  }
  function listBlock(box, key, items, tag, language) {
    if (!items.length) { return; }
    box.appendChild(el("h4", {text: t(key)}));
    box.appendChild(el(tag, {lang: language}, items.map(function (x) { return el("li", {text: x}); })));
  }
  function table(heads, rows) {
    return el("div", {class: "table-wrap"}, [el("table", {}, [
      el("thead", {}, [el("tr", {}, heads.map(function (h) { return el("th", {scope: "col", text: t(h)}); }))]),
      el("tbody", {}, rows)])]);
  }

  /* ---- dossier check ---- */
  var zone = $("drop-zone"), codeTimer = null;
  function addFiles(files) { Array.prototype.forEach.call(files, function (f) { chosen.push(f); }); renderFiles(); }
  function renderFiles() {
    var list = clear($("dossier-selected"));
    chosen.forEach(function (f, i) {
      list.appendChild(el("li", {}, [el("span", {text: f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " KB)"}),
        el("button", {type: "button", class: "link", "aria-label": t("staff.remove_file", {name: f.name}), text: t("staff.remove"),
          onclick: function () { chosen.splice(i, 1); renderFiles(); }})]));
    });
  }
  ["dossier-files", "dossier-camera"].forEach(function (id) {
    $(id).addEventListener("change", function () { addFiles(this.files); this.value = ""; });
  });
  zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
  zone.addEventListener("drop", function (event) { event.preventDefault(); zone.classList.remove("over"); addFiles(event.dataTransfer.files); });
  $("dossier-clear").addEventListener("click", function () {
    chosen = []; result = null; renderFiles(); clear($("dossier-result")); $("supplement-form").hidden = true;
  });
  $("dossier-code").addEventListener("input", function () { clearTimeout(codeTimer); codeTimer = setTimeout(suggest, 250); });
  async function suggest() {
    var text = $("dossier-code").value.trim(), found = text.match(CODE);
    if (found) { describe(found[0]); return; }
    if (text.length < 2) { return; }
    try {
      var r = await call("GET", "/api/v1/procedures?q=" + encodeURIComponent(text)), options = clear($("dossier-options"));
      r.items.forEach(function (p) { options.appendChild(el("option", {value: p.code + " — " + p.name})); });
    } catch (e) { /* suggestions are a convenience */ }
  }
  async function describe(code) {
    var line = $("dossier-chosen");
    try {
      var card = await call("GET", "/api/v1/procedures/" + encodeURIComponent(code) + "/card?language=" + lang);
      line.className = "muted";
      clear(line).appendChild(el("span", {}, [t("staff.chosen", {code: card.code}) + " ", el("bdi", {lang: card.translated ? null : "vi", text: card.name})]));
    }
    catch (e) { line.className = "error"; line.textContent = t("staff.unknown_code", {code: code}); }
  }
  async function resolveCode() {
    var text = $("dossier-code").value.trim(), found = text.match(CODE);
    if (found || !text) { return found ? found[0] : null; }
    var r = await call("GET", "/api/v1/procedures?q=" + encodeURIComponent(text));
    return r.total === 1 ? r.items[0].code : null;
  }
  $("dossier-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var error = $("dossier-error"), code = null;
    error.textContent = "";
    try { code = await resolveCode(); } catch (e) { error.textContent = fail(e); return; }
    if (!code) { error.textContent = t("staff.need_procedure"); return; }
    if (!chosen.length) { error.textContent = t("staff.need_files"); return; }
    var form = new FormData(), started = Date.now(), count = chosen.length;
    form.append("procedure_code", code); form.append("language", lang); form.append("channel", "staff");
    chosen.forEach(function (f) { form.append("files", f, f.name); });
    var tick = function () { $("dossier-progress-text").textContent = t("staff.checking", {n: count, s: Math.round((Date.now() - started) / 1000)}); };
    tick();
    var timer = setInterval(tick, 1000);
    $("dossier-progress").hidden = false; $("dossier-check").disabled = true;
    try { result = await call("POST", "/api/v1/dossiers/check", form); renderResult(result); }
    catch (e) { error.textContent = fail(e); }
    clearInterval(timer);
    $("dossier-progress").hidden = true; $("dossier-check").disabled = false;
  });
  function evidenceList(items) {
    return el("ul", {class: "evidence"}, items.map(function (ev) {
      var where = ev.page ? t("staff.file_page", {file: ev.file, page: ev.page}) : ev.file;
      return el("li", {}, [el("bdi", {class: "small", text: where}), ": ", el("q", {lang: "vi", dir: "auto", text: ev.snippet})]);
    }));
  }
  function renderResult(r) {
    var box = clear($("dossier-result")), said = r.language === lang ? null : r.language;
    box.appendChild(el("h3", {}, [el("span", {lang: r.procedure_name === r.procedure_name_vi ? "vi" : said, text: r.procedure_code + " — " + r.procedure_name + " "}),
      el("span", {class: "verdict verdict-" + r.verdict, text: label("verdict.", r.verdict)})]));
    box.appendChild(el("p", {class: "summary", lang: said, text: r.summary}));
    box.appendChild(table(["staff.status", "staff.component", "staff.evidence"], r.components.map(function (c) {
      var name = [el("strong", {lang: c.name === c.name_vi ? "vi" : said, text: c.name})];
      if (c.name !== c.name_vi) { name.push(el("br"), el("span", {class: "vi-name", lang: "vi", text: c.name_vi})); }
      if (c.condition) { name.push(el("br"), el("small", {}, [t("card.case") + ": ", el("bdi", {lang: "vi", text: c.condition})])); }
      if (c.reason) { name.push(el("br"), el("small", {class: "muted", lang: said, text: c.reason})); }
      return el("tr", {class: "component", "data-status": c.status}, [
        el("td", {}, [el("span", {class: "status status-" + c.status, text: label("status.", c.status)})]),
        el("td", {}, name), el("td", {}, c.evidence.length ? [evidenceList(c.evidence)] : [])]);
    })));
    if (r.warnings.length) {
      box.appendChild(el("h4", {text: t("staff.warnings")}));
      box.appendChild(el("ul", {class: "warnings"}, r.warnings.map(function (w) {
        return el("li", {}, [el("span", {lang: said, text: w.message}), w.evidence.length ? evidenceList(w.evidence) : null]);
      })));
    }
    if (r.unmatched_files.length) {
      box.appendChild(el("h4", {text: t("staff.unmatched")}));
      box.appendChild(el("ul", {}, r.unmatched_files.map(function (u) {
        return el("li", {}, [el("bdi", {text: u.page ? t("staff.file_page", {file: u.file, page: u.page}) : u.file}), " — ", el("span", {lang: said, text: u.reason})]);
      })));
    }
    box.appendChild(el("p", {class: "small muted", text: t("staff.read_summary", {files: r.files.length, pages: r.pages, ocr: r.ocr_pages, ms: r.duration_ms})}));
    $("supplement-form").hidden = false; $("supplement-link").hidden = true;
    box.focus();
  }
  $("supplement-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    if (!result) { return; }
    var format = $("sup-format").value, error = $("supplement-error");
    var body = {check: result, applicant: $("sup-applicant").value.trim(), phone: $("sup-phone").value.trim(),
      receiving_unit: $("sup-unit").value.trim(), officer: $("sup-officer").value.trim()};
    error.textContent = "";
    try {
      var response = await call("POST", "/api/v1/dossiers/request-form?format=" + format, body, {raw: true});
      var url = URL.createObjectURL(await response.blob()), link = $("supplement-link");
      link.href = url; link.hidden = false;
      window.open(url, "_blank");
    } catch (e) { error.textContent = fail(e); }
  });

  /* ---- queue of "ask a clerk" requests ---- */
  async function refreshQueue() {
    if (!me) { return; }
    var open, taken;
    try { open = await call("GET", "/api/v1/handoffs?status=open"); taken = await call("GET", "/api/v1/handoffs?status=taken"); }
    catch (e) { $("queue-error").textContent = fail(e); return; }
    $("queue-error").textContent = "";
    var mine = taken.filter(function (h) { return h.taken_by === me.name; }), seen = JSON.stringify([open, mine]);
    if (seen === queueSeen) { return; }
    queueSeen = seen;
    $("queue-count").textContent = open.length ? String(open.length) : "";
    tickets($("queue-open"), open, t("staff.take"), take, t("staff.queue_empty"));
    tickets($("queue-mine"), mine, t("staff.show"), showHandoff, t("staff.queue_none_mine"));
  }
  function tickets(list, items, action, handler, empty) {
    clear(list);
    if (!items.length) { list.appendChild(el("li", {class: "muted", text: empty})); }
    items.forEach(function (h) {
      list.appendChild(el("li", {class: "ticket-row", "data-ticket": h.ticket}, [el("strong", {class: "ticket", text: h.ticket}),
        el("span", {}, [el("bdi", {text: languageNames[h.language] || h.language}), " · ", el("bdi", {text: when(h.created_at)})]),
        el("button", {type: "button", text: action, "aria-label": action + " " + h.ticket, onclick: function () { handler(h); }})]));
    });
  }
  async function take(h) {
    try { h = await call("POST", "/api/v1/handoffs/" + h.id + "/take"); }
    catch (e) { $("queue-error").textContent = fail(e); return; }
    await refreshQueue();
    showHandoff(h);
  }
  async function showHandoff(h) {
    var box = clear($("queue-detail")), messages = [];
    box.appendChild(el("h3", {text: t("staff.ticket", {ticket: h.ticket})}));
    box.appendChild(meta(el("dl", {class: "meta"}), [["staff.language", languageNames[h.language] || h.language],
      ["staff.asked_at", when(h.created_at)], ["staff.taken_by", h.taken_by]]));
    var log = box.appendChild(el("ol", {class: "conversation"}));
    if (h.session_id) {
      try { messages = await call("GET", "/api/v1/sessions/" + encodeURIComponent(h.session_id) + "/messages"); }
      catch (e) { if (e.status !== 404) { log.appendChild(el("li", {class: "error", text: fail(e)})); } }
    }
    if (!messages.length) { log.appendChild(el("li", {class: "muted", text: t("staff.no_conversation")})); }
    messages.forEach(function (msg) {
      log.appendChild(el("li", {class: "conv-item"}, [el("p", {class: "small muted", text: when(msg.at) + " · " + label("outcome.", msg.outcome)}),
        el("p", {class: "conv-question", lang: msg.language, dir: "auto", text: msg.question}),
        msg.procedure_code ? button(t("staff.open_procedure", {code: msg.procedure_code}), function () {
          select($("tab-procedures")); openProcedure(msg.procedure_code);
        }, "link") : null]));
    });
    box.appendChild(button(t("staff.mark_done"), async function () {
      try { await call("POST", "/api/v1/handoffs/" + h.id + "/done"); }
      catch (e) { $("queue-error").textContent = fail(e); return; }
      clear(box).appendChild(el("p", {class: "hint", text: t("staff.done_ok", {ticket: h.ticket})}));
      refreshQueue();
    }, "primary mark-done"));
    box.focus();
  }

  m.api("GET", "/api/v1/auth/me").then(show, function () { show({role: "public"}); });
})();
