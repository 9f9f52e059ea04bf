/* Suggestions under any search box that carries data-autocomplete-url.
 *
 * The endpoint answers {"results": [{"title", "url", "type"}]}. Keyboard: arrows move through the
 * suggestions, Enter opens the highlighted one, Escape closes the list. Without JavaScript the
 * form still submits to the full search page.
 */
(function () {
    "use strict";

    var MIN_CHARS = 2;
    var DELAY_MS = 200;

    function setUp(input) {
        var listId = input.getAttribute("aria-controls");
        var list = listId && document.getElementById(listId);
        if (!list) {
            list = document.createElement("ul");
            list.id = "suggestions-" + Math.random().toString(36).slice(2);
            list.className = "search-suggestions";
            list.setAttribute("role", "listbox");
            list.hidden = true;
            input.setAttribute("aria-controls", list.id);
            input.insertAdjacentElement("afterend", list);
        }
        var timer = null;
        var controller = null;
        var active = -1;

        function close() {
            list.hidden = true;
            list.textContent = "";
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var items = list.querySelectorAll("[role=option]");
            if (!items.length) { return; }
            active = (index + items.length) % items.length;
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        function show(results) {
            list.textContent = "";
            active = -1;
            if (!results.length) { close(); return; }
            results.forEach(function (result, i) {
                var item = document.createElement("li");
                item.id = list.id + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                var link = document.createElement("a");
                link.href = result.url;
                link.tabIndex = -1;
                link.textContent = result.title;
                var type = document.createElement("span");
                type.className = "search-suggestions__type";
                type.textContent = result.type;
                link.appendChild(type);
                item.appendChild(link);
                list.appendChild(item);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query.length < MIN_CHARS) { close(); return; }
            if (controller) { controller.abort(); }
            controller = new AbortController();
            var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query);
            fetch(url, {signal: controller.signal, headers: {"Accept": "application/json"}})
                .then(function (response) { return response.ok ? response.json() : {results: []}; })
                .then(function (data) { show(data.results || []); })
                .catch(function (error) { if (error.name !== "AbortError") { close(); } });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
            else if (event.key === "Escape") { close(); }
            else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.href = list.querySelectorAll("[role=option] a")[active].href;
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    document.querySelectorAll("input[data-autocomplete-url]").forEach(setUp);
})();
