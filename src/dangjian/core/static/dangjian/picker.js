/* Type-ahead pickers (选择组织、选择人员) for <select data-picker="organizations|persons">.
 *
 * Progressive enhancement: without this script the page keeps the plain <select>. With it, a
 * text box (role=combobox) asks data-picker-url?q=… (name, pinyin initials such as "xzf", or a
 * full pinyin prefix) and lists at most 20 matches; ↑/↓ move, Enter picks, Esc closes. The
 * <select> stays in the form, visually hidden, as the field that is posted: a picked row is
 * added to it as an <option> and selected, so the form sends the same name and id as before.
 * Served as a file (the CSP refuses inline scripts).
 */
(function () {
  "use strict";
  var DELAY = 200;
  var counter = 0;

  function enhance(select) {
    if (select.dataset.pickerReady) return;
    select.dataset.pickerReady = "1";
    counter += 1;
    var listId = "picker-list-" + counter;
    var box = document.createElement("div");
    box.className = "picker";
    var input = document.createElement("input");
    input.type = "text";
    input.className = "picker-input";
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-label", select.dataset.pickerLabel || "输入名称或拼音首字母查找");
    input.placeholder = select.dataset.pickerPlaceholder || "输入名称或拼音首字母，如 xzf";
    if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", "true");
    if (select.getAttribute("aria-describedby")) {
      input.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
    }
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    box.appendChild(input);
    box.appendChild(list);
    select.insertAdjacentElement("afterend", box);
    select.classList.add("picker-native");
    select.tabIndex = -1;

    var rows = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function chosenLabel() {
      var option = select.options[select.selectedIndex];
      return option && option.value ? option.text : "";
    }
    input.value = chosenLabel();

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0 && list.children[index]) {
        input.setAttribute("aria-activedescendant", list.children[index].id);
        list.children[index].scrollIntoView({ block: "nearest" });
      }
    }

    function pick(row) {
      var option = Array.prototype.find.call(select.options, function (o) {
        return o.value === String(row.id);
      });
      var text = row.detail ? row.label + "（" + row.detail + "）" : row.label;
      if (!option) {
        option = new Option(text, String(row.id));
        select.add(option);
      }
      select.value = String(row.id);
      input.value = option.text;
      input.removeAttribute("aria-invalid");
      select.dispatchEvent(new Event("change", { bubbles: true }));
      close();
    }

    function show(found) {
      rows = found;
      list.textContent = "";
      if (!rows.length) {
        var none = document.createElement("li");
        none.className = "picker-empty";
        none.textContent = "没有找到，请换个名称或拼音首字母";
        list.appendChild(none);
      }
      rows.forEach(function (row, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = row.label;
        if (row.detail) {
          var detail = document.createElement("small");
          detail.textContent = " " + row.detail;
          item.appendChild(detail);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
          pick(row);
        });
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      mark(rows.length ? 0 : -1);
    }

    function ask() {
      var url = new URL(select.dataset.pickerUrl, window.location.href);
      new URLSearchParams(select.dataset.pickerParams || "").forEach(function (value, key) {
        url.searchParams.append(key, value);
      });
      url.searchParams.set("q", input.value.trim());
      if (select.dataset.pickerOrganization) {
        url.searchParams.set("organization", select.dataset.pickerOrganization);
      }
      var ticket = ++asked;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (found) { if (ticket === asked) show(found); })
        .catch(function () { if (ticket === asked) show([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });
    input.addEventListener("focus", function () { input.select(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) { ask(); return; }
        var step = event.key === "ArrowDown" ? 1 : -1;
        mark(Math.max(0, Math.min(rows.length - 1, active + step)));
      } else if (event.key === "Enter") {
        if (!list.hidden) {
          event.preventDefault(); // picking is not submitting
          if (active >= 0 && rows[active]) pick(rows[active]);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
          input.value = chosenLabel();
        }
      }
    });
    input.addEventListener("blur", function () {
      close();
      input.value = chosenLabel();
    });
    select.addEventListener("change", function () { input.value = chosenLabel(); });
  }

  function enhanceAll(root) {
    var selects = (root || document).querySelectorAll("select[data-picker]");
    Array.prototype.forEach.call(selects, enhance);
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  // htmx swaps in new rows (desk sections): enhance the pickers they bring.
  document.addEventListener("htmx:afterSwap", function (event) { enhanceAll(event.target); });
})();
