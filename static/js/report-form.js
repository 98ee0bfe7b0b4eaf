// Report form helpers (no framework): add and remove table rows, recompute column totals as the user
// types (Thai or Arabic digits, commas). The server computes the totals again when it saves.
(function () {
  "use strict";
  var THAI = "๐๑๒๓๔๕๖๗๘๙";
  function toNumber(text) {
    var s = String(text || "").replace(/[๐-๙]/g, function (d) { return String(THAI.indexOf(d)); }).replace(/,/g, "").trim();
    var n = parseFloat(s);
    return isNaN(n) ? 0 : n;
  }
  function thaiDigits(text) { return String(text).replace(/[0-9]/g, function (d) { return THAI[+d]; }); }
  function recompute(table) {
    table.querySelectorAll("[data-total-for]").forEach(function (cell) {
      var column = cell.getAttribute("data-total-for"), sum = 0;
      table.querySelectorAll("tbody [data-column='" + column + "']").forEach(function (input) { sum += toNumber(input.value); });
      cell.textContent = thaiDigits(sum.toLocaleString("en-US"));
    });
  }
  document.addEventListener("input", function (event) {
    var table = event.target.closest("table.form-table");
    if (table) { recompute(table); }
  });
  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    if (add) {
      var table = document.getElementById(add.getAttribute("data-add-row"));
      var template = table.querySelector("template");
      var body = table.querySelector("tbody");
      var index = Number(table.getAttribute("data-next-index"));
      body.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__i__/g, String(index)));
      table.setAttribute("data-next-index", String(index + 1));
      body.lastElementChild.querySelector("input, select").focus();
    }
    var remove = event.target.closest("[data-remove-row]");
    if (remove) {
      var row = remove.closest("tr"), tbl = remove.closest("table");
      row.parentNode.removeChild(row);
      recompute(tbl);
    }
  });
})();

// Nothing typed is lost: every change is kept in this browser (localStorage) until the server has it.
// If the session expired or the tab closed before "บันทึก", the page offers to put the values back.
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-key]");
  if (!form || !window.localStorage) { return; }
  var key = form.getAttribute("data-draft-key");
  function values() {
    var out = {};
    form.querySelectorAll("input[name], select[name], textarea[name]").forEach(function (el) {
      if (el.name === "csrfmiddlewaretoken" || el.name === "version") { return; }
      if (el.hasAttribute("data-multi")) { out[el.name + "=" + el.value] = el.checked; return; }  // one of several ticks
      out[el.name] = el.type === "checkbox" ? el.checked : el.value;
    });
    return out;
  }
  function restore(saved) {
    Object.keys(saved).forEach(function (name) {
      var match = name.match(/^([a-z_]+)-(\d+)-/);
      if (match && !form.querySelector("[name='" + name.split("=")[0] + "']")) {
        var add = document.querySelector("[data-add-row='table-" + match[1] + "']");
        if (add) { add.click(); }
        var table = document.getElementById("table-" + match[1]);
        var last = table && table.querySelector("tbody tr:last-child");
        if (last) {
          last.querySelectorAll("[name]").forEach(function (el) {
            el.name = el.name.replace(/^([a-z_]+)-\d+-/, match[1] + "-" + match[2] + "-");
          });
        }
      }
      var multi = name.split("=");
      var el = multi.length === 2 ? form.querySelector("[name='" + multi[0] + "'][value='" + multi[1] + "']")
        : form.querySelector("[name='" + name + "']");
      if (!el) { return; }
      if (el.type === "checkbox") { el.checked = !!saved[name]; } else { el.value = saved[name]; }
    });
    form.dispatchEvent(new Event("input", { bubbles: true }));
  }
  var stored = localStorage.getItem(key);
  if (stored && form.getAttribute("data-saved") !== "1") {
    var notice = document.getElementById("draft-restore");
    if (notice) {
      notice.hidden = false;
      notice.querySelector("button").addEventListener("click", function () {
        restore(JSON.parse(stored));
        notice.hidden = true;
      });
    }
  }
  if (form.getAttribute("data-saved") === "1") { localStorage.removeItem(key); }
  form.addEventListener("input", function () { localStorage.setItem(key, JSON.stringify(values())); });
  form.addEventListener("change", function () { localStorage.setItem(key, JSON.stringify(values())); });
})();
