/* Admin dashboard: figures for a period (totals, charts, breakdowns, knowledge gaps, feedback, CSV), the published
   index with ingestion and re-indexing, accounts and API keys. Plain DOM, text only (never HTML from data). */
(function () {
  "use strict";
  var m = window.motcua, t = m.t, el = m.el, lang = m.language;
  var me = null, jobTimer = null, languageNames = {};
  document.querySelectorAll(".languages a[hreflang]").forEach(function (a) { languageNames[a.getAttribute("hreflang")] = a.textContent; });

  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function fail(error) { return error && error.detail ? String(error.detail) : t("common.error"); }
  function label(prefix, key) { var k = prefix + key, v = t(k); return v === k ? key : v; }
  function isolate(text) { return "\u2066" + text + "\u2069"; }  /* keeps "2026-11-06" whole inside right-to-left text */
  function number(n) { return Number(n || 0).toLocaleString(lang); }
  function when(iso) { var d = new Date(iso); return iso && !isNaN(d) ? d.toLocaleString(lang) : ""; }
  function button(text, handler, cls) { return el("button", {type: "button", class: cls || "secondary", text: text, onclick: handler}); }
  function table(heads, rows, empty) {
    if (!rows.length) { return el("p", {class: "muted", text: empty || t("admin.nothing")}); }
    return el("div", {class: "table-wrap"}, [el("table", {}, [
      el("thead", {}, [el("tr", {}, heads.map(function (h) {
        return el("th", {scope: "col", class: h.charAt(0) === "#" ? "num" : null, text: t(h.replace(/^#/, ""))});
      }))]),
      el("tbody", {}, rows)])]);
  }
  function meta(list, rows) {
    clear(list);
    rows.forEach(function (row) {
      list.appendChild(el("dt", {text: t(row[0])}));
      list.appendChild(el("dd", {text: row[1] === null || row[1] === undefined || row[1] === "" ? "—" : String(row[1])}));
    });
  }
  async function call(method, path, body, options) {
    try { return await m.api(method, path, body, options); }
    catch (error) { if (error.status === 401) { show({role: "public"}); } throw error; }
  }

  /* ---- who may see what ---- */
  function show(who) {
    me = who && who.role !== "public" ? who : null;
    var admin = !!me && me.role === "admin";
    $("sign-in").hidden = !!me;
    $("needs-admin").hidden = !me || admin;
    $("dashboard").hidden = !admin;
    $("user-box").hidden = !me;
    if (me) { $("user-name").textContent = t("console.signed_in_as", {name: me.name || ""}); }
    else { $("sign-in-name").focus(); }
    if (admin) { loadStats(true); loadIndex(); loadUsers(); loadKeys(); }
  }
  $("sign-in-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var error = $("sign-in-error"), name = $("sign-in-name").value.trim(), password = $("sign-in-password").value;
    error.textContent = "";
    if (!name || !password) { error.textContent = t("console.fill_both"); return; }
    try {
      var who = await m.api("POST", "/api/v1/auth/login", {name: name, password: password});
      $("sign-in-password").value = "";
      show(who);
    } catch (e) { error.textContent = t("console.sign_in_failed", {detail: fail(e)}); }
  });
  $("sign-out").addEventListener("click", async function () {
    try { await m.api("POST", "/api/v1/auth/logout"); } catch (e) { /* the cookies go either way */ }
    show({role: "public"});
  });

  /* ---- statistics ---- */
  var TOTALS = ["citizen_requests", "staff_questions", "dossiers_checked", "dossiers_complete"];
  $("period-form").addEventListener("submit", function (event) { event.preventDefault(); loadStats(false); });
  function csvHref(from, to) { return "/api/v1/stats?" + new URLSearchParams({from: from, to: to, format: "csv"}); }
  ["stats-from", "stats-to"].forEach(function (id) {
    $(id).addEventListener("change", function () { $("csv-link").href = csvHref($("stats-from").value, $("stats-to").value); });
  });
  async function loadStats(initial) {
    var error = $("stats-error"), query = "", r;
    error.textContent = "";
    if (!initial) {
      var from = $("stats-from").value, to = $("stats-to").value;
      if (!from || !to || from > to) { error.textContent = t("admin.bad_period"); return; }
      query = "?" + new URLSearchParams({from: from, to: to});
    }
    try { r = await call("GET", "/api/v1/stats" + query); } catch (e) { error.textContent = fail(e); return; }
    $("stats-from").value = r.from;
    $("stats-to").value = r.to;
    $("csv-link").href = csvHref(r.from, r.to);
    $("stats-period").textContent = t("admin.period", {from: isolate(r.from), to: isolate(r.to), zone: isolate(r.timezone)});
    var totals = clear($("totals"));
    TOTALS.forEach(function (key) {
      totals.appendChild(el("div", {}, [el("dt", {text: t("total." + key)}),
        el("dd", {id: "total-" + key, "data-value": String(r.totals[key] || 0), text: number(r.totals[key])})]));
    });
    chart("chart-day", "admin.per_day", r.by_day, function (p) { return p.slice(5); });
    chart("chart-week", "admin.per_week", r.by_week, function (p) { return p.slice(5); });
    breakdown("by-language", r.by_language, function (k) { return languageNames[k] || k; });
    breakdown("by-channel", r.by_channel, function (k) { return label("channel.", k); });
    breakdown("by-outcome", r.by_outcome, function (k) { return label("outcome.", k); });
    breakdown("by-verdict", r.by_verdict, function (k) { return label("verdict.", k); });
    clear($("top-procedures")).appendChild(table(["admin.code", "admin.procedure", "#admin.questions", "#admin.checks"],
      r.top_procedures.map(function (p) {
        return el("tr", {}, [el("td", {class: "code", text: p.code}), el("td", {lang: "vi", text: p.name || ""}),
          el("td", {class: "num", text: number(p.questions)}), el("td", {class: "num", text: number(p.dossiers_checked)})]);
      })));
    clear($("unanswered")).appendChild(table(["admin.question", "#admin.count", "admin.outcomes", "admin.languages", "admin.last_asked"],
      r.unanswered.map(function (u) {
        var langs = Object.keys(u.languages);
        return el("tr", {}, [el("td", {lang: langs.length === 1 ? langs[0] : null, dir: "auto", text: u.question}), el("td", {class: "num", text: number(u.count)}),
          el("td", {}, tally(u.outcomes, function (k) { return label("outcome.", k); })),
          el("td", {}, tally(u.languages, function (k) { return languageNames[k] || k; })),
          el("td", {text: when(u.last_asked)})]);
      }), t("admin.no_gaps")));
    meta($("feedback"), [["admin.feedback_up", number(r.feedback.up)], ["admin.feedback_down", number(r.feedback.down)]]);
    var comments = clear($("feedback-comments"));
    if (!r.feedback.comments.length) { comments.appendChild(el("li", {class: "muted", text: t("admin.no_comments")})); }
    r.feedback.comments.forEach(function (c) { comments.appendChild(el("li", {dir: "auto", text: c})); });
  }
  function tally(counts, name) {  /* "Answered ×2, No match ×1", each name isolated so mixed scripts keep their order */
    var parts = [];
    Object.keys(counts).forEach(function (k, i) { parts.push(i ? ", " : "", el("bdi", {text: name(k)}), " ×" + counts[k]); });
    return parts;
  }
  function chart(id, titleKey, periods, short) {
    var series = TOTALS.map(function (key) {
      return {label: t("total." + key), values: periods.map(function (p) { return p[key] || 0; })};
    });
    var busiest = periods.reduce(function (best, p) { return (p.citizen_requests + p.staff_questions) > (best ? best.citizen_requests + best.staff_questions : -1) ? p : best; }, null);
    var description = t("admin.chart_description", {title: t(titleKey), n: periods.length,
      first: periods.length ? periods[0].period : "", last: periods.length ? periods[periods.length - 1].period : "",
      busiest: busiest ? busiest.period : "", questions: busiest ? busiest.citizen_requests + busiest.staff_questions : 0});
    clear($(id)).appendChild(m.charts.bars({title: t(titleKey), description: description, labels: periods.map(function (p) { return p.period; }),
      series: series, shortLabel: short, tableCaption: t("admin.as_table"), periodHeading: t("admin.period_heading")}));
  }
  function breakdown(id, counts, name) {
    var keys = Object.keys(counts || {}).sort(function (a, b) { return counts[b] - counts[a]; });
    var top = keys.length ? counts[keys[0]] : 1;
    clear($(id)).appendChild(table(["admin.item", "#admin.count"], keys.map(function (k) {
      return el("tr", {}, [el("td", {}, [el("bdi", {text: name(k)})]), el("td", {class: "num"}, [el("span", {class: "bar-cell"}, [
        el("span", {class: "bar-track", "aria-hidden": "true"}, [el("span", {class: "bar w" + Math.round(10 * counts[k] / top)})]),
        el("span", {text: number(counts[k])})])])]);
    })));
  }

  /* ---- knowledge: index, ingestion, re-indexing ---- */
  async function loadIndex() {
    try {
      var info = await call("GET", "/api/v1/admin/index"), counts = info.counts || {};
      meta($("index-info"), [["admin.index_version", info.version], ["admin.index_created", when(info.created_at)],
        ["admin.index_model", info.embedding_model]].concat(Object.keys(counts).map(function (k) { return ["count." + k, number(counts[k])]; })));
    } catch (e) { meta($("index-info"), [["admin.index_version", fail(e)]]); }
  }
  function chosenFiles() {
    var names = Array.prototype.map.call($("ingest-files").files, function (f) { return f.name; });
    $("ingest-chosen").textContent = names.length ? names.join(", ") : t("admin.no_files");
  }
  $("ingest-files").addEventListener("change", chosenFiles);
  function busy(on) { $("ingest-upload").disabled = on; $("reindex").disabled = on; }
  $("ingest-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var files = $("ingest-files").files, form = new FormData();
    $("ingest-error").textContent = "";
    if (!files.length) { $("ingest-error").textContent = t("admin.ingest_none"); return; }
    Array.prototype.forEach.call(files, function (f) { form.append("files", f, f.name); });
    busy(true);
    try { follow(await call("POST", "/api/v1/admin/ingest", form)); $("ingest-files").value = ""; chosenFiles(); }
    catch (e) { $("ingest-error").textContent = fail(e); busy(false); }
  });
  $("reindex").addEventListener("click", async function () {
    if (!window.confirm(t("admin.reindex_confirm"))) { return; }
    $("ingest-error").textContent = "";
    busy(true);
    try { follow(await call("POST", "/api/v1/admin/reindex")); } catch (e) { $("ingest-error").textContent = fail(e); busy(false); }
  });
  function follow(job) {
    clearInterval(jobTimer);
    renderJob(job);
    jobTimer = setInterval(async function () {
      try { job = await call("GET", "/api/v1/admin/ingest/" + encodeURIComponent(job.id)); }
      catch (e) { $("ingest-error").textContent = fail(e); clearInterval(jobTimer); busy(false); return; }
      renderJob(job);
      if (job.status === "done" || job.status === "failed") { clearInterval(jobTimer); busy(false); loadIndex(); }
    }, 1000);
  }
  function renderJob(job) {
    var bar = $("job-progress"), reading = /^reading (.*)$/.exec(job.stage || "");
    var stage = reading ? " · " + t("stage.reading", {what: reading[1]}) : job.stage ? " · " + label("stage.", job.stage) : "";
    $("job").hidden = false;
    $("job-status").className = job.status === "failed" ? "error" : job.status === "done" ? "ok" : "";
    $("job-status").textContent = t("admin.job_status", {status: label("job.", job.status)}) + stage +
      (job.total ? " · " + t("admin.job_done_of", {done: job.done, total: job.total}) : "") + (job.error ? " — " + job.error : "");
    if (job.total) { bar.max = job.total; bar.value = job.done; } else { bar.removeAttribute("value"); }
    bar.hidden = job.status === "done" || job.status === "failed";
    meta($("job-summary"), Object.keys(job.summary || {}).map(function (k) { return ["summary." + k, job.summary[k]]; })
      .concat((job.failures || []).length ? [["summary.failures", job.failures.join("; ")]] : []));
  }

  /* ---- accounts ---- */
  async function loadUsers() {
    var users;
    try { users = await call("GET", "/api/v1/admin/users"); } catch (e) { $("users-error").textContent = fail(e); return; }
    clear($("users-list")).appendChild(table(["admin.user_name", "admin.role", "admin.state", "admin.created", "admin.actions"],
      users.map(function (u) {
        var state = u.disabled ? t("admin.disabled") : t("admin.active");
        if (u.locked) { state += " · " + t("admin.locked"); }
        var action = u.name === me.name ? el("span", {class: "muted", text: t("admin.you")}) :
          button(u.disabled ? t("admin.enable") : t("admin.disable"), function () { setUser(u.name, u.disabled ? "enable" : "disable"); });
        if (action.tagName === "BUTTON") { action.setAttribute("aria-label", action.textContent + " " + u.name); }
        return el("tr", {"data-user": u.name}, [el("td", {text: u.name}), el("td", {text: label("role.", u.role)}),
          el("td", {}, [el("span", {class: "pill " + (u.disabled ? "pill-off" : "pill-on"), text: state})]),
          el("td", {text: when(u.created_at)}), el("td", {}, [action])]);
      })));
  }
  async function setUser(name, action) {
    $("users-error").textContent = "";
    try { await call("POST", "/api/v1/admin/users/" + encodeURIComponent(name) + "/" + action); }
    catch (e) { $("users-error").textContent = fail(e); }
    loadUsers();
  }
  $("user-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var name = $("user-name-new").value.trim(), password = $("user-password").value;
    $("users-error").textContent = "";
    $("users-status").textContent = "";
    if (!name || password.length < 10) { $("users-error").textContent = t("admin.user_invalid"); return; }
    try {
      await call("POST", "/api/v1/admin/users", {name: name, role: $("user-role").value, password: password});
      $("users-status").textContent = t("admin.user_created", {name: name});
      this.reset();
      loadUsers();
    } catch (e) { $("users-error").textContent = fail(e); }
  });

  /* ---- API keys (the key itself is shown once) ---- */
  async function loadKeys() {
    var keys;
    try { keys = await call("GET", "/api/v1/admin/keys"); } catch (e) { $("keys-error").textContent = fail(e); return; }
    clear($("keys-list")).appendChild(table(["admin.key_name", "admin.role", "admin.prefix", "admin.state", "admin.created", "admin.last_used", "admin.actions"],
      keys.map(function (k) {
        return el("tr", {"data-key": k.name}, [el("td", {text: k.name}), el("td", {text: label("role.", k.role)}),
          el("td", {class: "code"}, [el("bdi", {dir: "ltr", text: k.prefix + "…"})]),
          el("td", {}, [el("span", {class: "pill " + (k.revoked ? "pill-off" : "pill-on"), text: k.revoked ? t("admin.revoked") : t("admin.active")})]),
          el("td", {text: when(k.created_at)}), el("td", {text: k.last_used_at ? when(k.last_used_at) : t("admin.never")}),
          el("td", {}, [k.revoked ? null : el("button", {type: "button", class: "secondary revoke", text: t("admin.revoke"),
            "aria-label": t("admin.revoke") + " " + k.name, onclick: function () { revoke(k.name); }})])]);
      }), t("admin.no_keys")));
  }
  async function revoke(name) {
    if (!window.confirm(t("admin.revoke_confirm", {name: name}))) { return; }
    $("keys-error").textContent = "";
    try { await call("DELETE", "/api/v1/admin/keys/" + encodeURIComponent(name)); } catch (e) { $("keys-error").textContent = fail(e); }
    loadKeys();
  }
  $("key-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var name = $("key-name").value.trim();
    $("keys-error").textContent = "";
    if (!name) { $("keys-error").textContent = t("admin.key_invalid"); return; }
    try {
      var created = await call("POST", "/api/v1/admin/keys", {name: name, role: $("key-role").value});
      this.reset();
      $("new-key").value = created.key;
      $("copy-status").textContent = "";
      $("key-box").hidden = false;
      $("new-key").focus();
      $("new-key").select();
      loadKeys();
    } catch (e) { $("keys-error").textContent = fail(e); }
  });
  $("copy-key").addEventListener("click", async function () {
    var input = $("new-key");
    try { await navigator.clipboard.writeText(input.value); }
    catch (e) { input.select(); document.execCommand("copy"); }
    $("copy-status").textContent = t("admin.copied");
  });
  $("hide-key").addEventListener("click", function () { $("new-key").value = ""; $("key-box").hidden = true; });

  m.api("GET", "/api/v1/auth/me").then(show, function () { show({role: "public"}); });
})();
