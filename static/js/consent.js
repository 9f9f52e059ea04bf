/*
 * Cookie consent for the JCMI site.
 *
 * Public contract (other scripts rely on it):
 *   window.jcmiConsent.has("video")  -> true when the visitor accepted that category
 *   window.jcmiConsent.categories()  -> array of accepted keys
 *   window.jcmiConsent.open()        -> show the notice again
 *   document "jcmi:consent" CustomEvent, detail.categories = accepted keys, whenever the
 *   choice changes.
 * Content that needs a category waits in <template data-consent-category="key"> and is put in
 * the page only once that category is accepted.
 */
(function () {
  "use strict";

  var COOKIE = "jcmi_consent";
  var MAX_AGE = 60 * 60 * 24 * 180;
  var KEYS = ["necessary", "performance", "functionality", "targeting", "video"];

  function readCookie() {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === COOKIE) {
        return decodeURIComponent(parts[i].slice(eq + 1)).replace(/^"|"$/g, "");
      }
    }
    return null;
  }

  function accepted() {
    var raw = readCookie();
    if (raw === null) {
      return null;
    }
    var chosen = raw.split(",");
    return KEYS.filter(function (key) {
      return key === "necessary" || chosen.indexOf(key) !== -1;
    });
  }

  function writeCookie(categories) {
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = COOKIE + "=" + categories.join(",") + "; Max-Age=" + MAX_AGE +
      "; Path=/; SameSite=Lax" + secure;
  }

  function activateTemplates(categories) {
    var waiting = document.querySelectorAll("template[data-consent-category]");
    Array.prototype.forEach.call(waiting, function (tpl) {
      if (categories.indexOf(tpl.getAttribute("data-consent-category")) === -1) {
        return;
      }
      // Inside a click-to-load facade the content replaces the whole facade.
      var holder = tpl.closest("[data-consent-holder]");
      if (holder) {
        holder.replaceChildren(tpl.content.cloneNode(true));
      } else {
        tpl.replaceWith(tpl.content.cloneNode(true));
      }
    });
  }

  function notice() {
    return document.querySelector("[data-consent-notice]");
  }

  function syncCheckboxes(categories) {
    var form = document.querySelector("[data-consent-form]");
    if (!form) {
      return;
    }
    Array.prototype.forEach.call(form.querySelectorAll("input[name=categories]"), function (box) {
      box.checked = box.value === "necessary" || categories.indexOf(box.value) !== -1;
    });
  }

  // Where focus was before it went into the notice: a choice gives it back there (or to the main
  // content), never to <body>, which would send a keyboard user back to the top of the page.
  var focusBefore = null;
  document.addEventListener("focusin", function (event) {
    var box = notice();
    if (box && !box.contains(event.target)) {
      focusBefore = event.target;
    }
  });

  function returnFocus() {
    var target = focusBefore && document.contains(focusBefore) ? focusBefore : null;
    if (!target || target === document.body) {
      target = document.getElementById("main");
    }
    if (target) {
      target.focus();
    }
  }

  var api = {
    has: function (key) {
      var categories = accepted();
      return categories !== null && categories.indexOf(key) !== -1;
    },
    categories: function () {
      return accepted() || [];
    },
    set: function (categories) {
      var clean = KEYS.filter(function (key) {
        return key === "necessary" || categories.indexOf(key) !== -1;
      });
      writeCookie(clean);
      activateTemplates(clean);
      syncCheckboxes(clean);
      document.dispatchEvent(new CustomEvent("jcmi:consent", { detail: { categories: clean } }));
      return clean;
    },
    open: function () {
      var box = notice();
      if (box) {
        syncCheckboxes(api.categories());
        box.hidden = false;
        // Reopened on purpose: show the categories straight away.
        var details = box.querySelector("[data-consent-details]");
        if (details) {
          details.open = true;
        }
        var first = box.querySelector("input:not([disabled]):not([type=hidden]), button");
        if (first) {
          first.focus();
        }
      }
    },
    close: function () {
      var box = notice();
      if (box) {
        var hadFocus = box.contains(document.activeElement);
        box.hidden = true;
        if (hadFocus) {
          returnFocus();
        }
      }
    }
  };
  window.jcmiConsent = api;

  function onSubmit(event) {
    var form = event.target;
    var button = event.submitter;
    var choice = button ? button.value : "selected";
    var categories;
    if (choice === "all") {
      categories = KEYS.slice();
    } else if (choice === "necessary") {
      categories = ["necessary"];
    } else {
      categories = Array.prototype.filter.call(
        form.querySelectorAll("input[name=categories]"),
        function (box) { return box.checked; }
      ).map(function (box) { return box.value; });
    }
    event.preventDefault();
    api.set(categories);
    api.close();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-consent-form]");
    if (form) {
      form.addEventListener("submit", onSubmit);
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-consent-open]"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        api.open();
      });
    });
    // Click-to-load: a visitor may accept one embed without accepting the whole category.
    document.addEventListener("click", function (event) {
      var trigger = event.target.closest("[data-consent-load]");
      if (!trigger) {
        return;
      }
      var holder = trigger.closest("[data-consent-holder]");
      var tpl = holder && holder.querySelector("template[data-consent-category]");
      if (tpl) {
        holder.replaceChildren(tpl.content.cloneNode(true));
      }
    });
    var categories = accepted();
    if (categories !== null) {
      activateTemplates(categories);
    }
  });
}());
