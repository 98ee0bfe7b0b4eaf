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
