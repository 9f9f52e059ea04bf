/*
 * The header's menu, made a little nicer. Everything works without this file: the menu and each
 * section's pages are <details> elements (base.html), which browsers open and close themselves,
 * by mouse, touch and keyboard, and announce as expanded or collapsed.
 *
 * With it: on wide screens the menu is open (navigation.css already shows it; this keeps the
 * element's state true to what is shown); one section's list at a time; Escape closes the open
 * list (or the menu on a small screen) and puts focus back on the button that opened it; a click
 * elsewhere, or focus leaving it, closes a section's list on wide screens, where it floats over
 * the page.
 */
(function () {
    "use strict";

    var menu = document.querySelector("[data-site-menu]");
    if (!menu) {
        return;
    }
    var wide = window.matchMedia("(min-width: 64rem)");
    var sections = Array.prototype.slice.call(menu.querySelectorAll("[data-menu-section]"));

    function fitToScreen() {
        menu.open = wide.matches;
        sections.forEach(function (section) { section.open = false; });
    }
    fitToScreen();
    if (wide.addEventListener) {
        wide.addEventListener("change", fitToScreen);
    }

    sections.forEach(function (section) {
        section.addEventListener("toggle", function () {
            if (!section.open) {
                return;
            }
            sections.forEach(function (other) {
                if (other !== section) { other.open = false; }
            });
        });
    });

    function close(details) {
        details.open = false;
        details.querySelector("summary").focus();
    }

    menu.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        var section = event.target.closest("[data-menu-section]");
        var open = section && section.open ? section :
            sections.filter(function (other) { return other.open; })[0];
        if (open) {
            event.preventDefault();
            close(open);
        } else if (!wide.matches && menu.open) {
            event.preventDefault();
            close(menu);
        }
    });

    // On wide screens a section's list floats over the page: once focus has left it, it closes,
    // so that it never hides what the keyboard reaches next.
    sections.forEach(function (section) {
        section.parentNode.addEventListener("focusout", function (event) {
            if (wide.matches && section.open && !section.parentNode.contains(event.relatedTarget)) {
                section.open = false;
            }
        });
    });

    document.addEventListener("click", function (event) {
        if (!wide.matches) {
            return;
        }
        sections.forEach(function (section) {
            if (section.open && !section.parentNode.contains(event.target)) {
                section.open = false;
            }
        });
    });
})();
