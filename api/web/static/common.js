/* Shared by every page: messages, configuration, and API calls that carry the CSRF token of a signed-in page. */
(function () {
  "use strict";
  function readJson(id) {
    var node = document.getElementById(id);
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  }
  var messages = readJson("motcua-i18n");
  var config = readJson("motcua-config");

  function t(key, values) {
    var text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
    if (values) {
      Object.keys(values).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    }
    return text;
  }

  function cookie(name) {
    var found = document.cookie.split("; ").filter(function (c) { return c.indexOf(name + "=") === 0; })[0];
    return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
  }

  /* fetch() against our own API; JSON in and out; throws an Error whose .status and .detail say what went wrong. */
  async function api(method, path, body, options) {
    var headers = {"Accept": "application/json"};
    var init = {method: method, headers: headers, credentials: "same-origin"};
    if (body instanceof FormData) { init.body = body; }
    else if (body !== undefined && body !== null) { headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    if (method !== "GET" && method !== "HEAD") {
      var csrf = cookie("motcua_csrf");
      if (csrf) { headers["X-CSRF-Token"] = csrf; }
    }
    var response = await fetch(path, init);
    if (options && options.raw) {
      if (!response.ok) { throw apiError(response.status, await response.text()); }
      return response;
    }
    var text = await response.text();
    var data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
    if (!response.ok) { throw apiError(response.status, data && data.detail ? data.detail : text); }
    return data;
  }

  function apiError(status, detail) {
    var error = new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
    error.status = status;
    error.detail = detail;
    return error;
  }

  /* Build an element: el("p", {class: "x", text: "..."}, [children]) — text only, never HTML from data. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; }
      else if (name.indexOf("on") === 0) { node.addEventListener(name.slice(2), value); }
      else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  window.motcua = {t: t, config: config, api: api, el: el, cookie: cookie, language: config.language || document.documentElement.lang};
})();
