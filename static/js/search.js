/* Autocomplete for the search page: a progressive enhancement of a plain GET form.
 * Without JavaScript the form simply submits. With it, typing shows up to eight matching
 * experiment titles, each with its school, in an ARIA listbox below the box (combobox pattern):
 * arrow keys or the mouse move the highlighted option, Enter or a click opens it, Escape closes
 * the list. */
(function () {
  "use strict";

  function setUp(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url) { return; }
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-label-suggestions") || "");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        item.element.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].element.id);
        items[index].element.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(suggestions) {
      close();
      if (!suggestions.length) { return; }
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        // Text, never HTML: titles and school names come from teachers.
        var title = document.createElement("span");
        title.className = "search-suggestions__title";
        title.textContent = suggestion.title;
        option.appendChild(title);
        if (suggestion.school) {
          var school = document.createElement("span");
          school.className = "search-suggestions__school";
          school.textContent = suggestion.school;
          option.appendChild(document.createTextNode(" "));
          option.appendChild(school);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        option.addEventListener("mousemove", function () {
          if (active !== i) { highlight(i); }
        });
        list.appendChild(option);
        items.push({ element: option, url: suggestion.url });
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      var ticket = ++latest;
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (ticket === latest) { show(data.suggestions || []); } })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Escape") {
        close();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].url;
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
})();
