/*
 * Click-to-load video players.
 *
 * A facade ([data-video-facade]) carries the player's address only in data attributes, so the
 * page makes no request to the video host until the visitor presses play (or a chapter), or has
 * accepted the "video" category in the cookie notice. The consent API is optional: without
 * window.jcmiConsent only a click loads a player.
 */
(function () {
    "use strict";

    function hasVideoConsent() {
        var consent = window.jcmiConsent;
        try {
            return !!(consent && typeof consent.has === "function" && consent.has("video"));
        } catch (error) {
            return false;
        }
    }

    // Vimeo's player takes a chapter's start from the address's #t= fragment, but an iframe
    // whose address changes only in its fragment does not reload: a loaded player would not
    // move. It is told to seek through its postMessage API instead.
    function isVimeo(src) {
        return /^https:\/\/player\.vimeo\.com\//.test(src || "");
    }

    function withoutFragment(src) {
        return (src || "").split("#")[0];
    }

    function newFrame(facade, src) {
        var frame = document.createElement("iframe");
        frame.setAttribute("data-video-frame", "");
        frame.className = "video-facade__frame";
        frame.title = facade.getAttribute("data-title") ||
            facade.getAttribute("data-provider") || "";
        frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
        frame.allowFullscreen = true;
        frame.referrerPolicy = "strict-origin-when-cross-origin";
        // Messages sent before the player's page has loaded would be lost. The address is set
        // before the frame joins the page, so no about:blank load counts as the player's.
        frame.addEventListener("load", function () {
            if (frame.getAttribute("src")) {
                frame.setAttribute("data-video-ready", "");
            }
        });
        frame.src = src;
        return frame;
    }

    function seekVimeo(frame, seconds) {
        var origin = new URL(frame.src).origin;
        frame.contentWindow.postMessage({method: "setCurrentTime", value: seconds}, origin);
        frame.contentWindow.postMessage({method: "play"}, origin);
    }

    function loadPlayer(facade, src, seconds) {
        if (!src) {
            return;
        }
        var frame = facade.querySelector("iframe[data-video-frame]");
        if (frame && isVimeo(src)) {
            if (frame.hasAttribute("data-video-ready") &&
                    withoutFragment(frame.src) === withoutFragment(src)) {
                seekVimeo(frame, Number(seconds) || 0);
                return;
            }
            // Still loading, or another address: a fresh iframe always loads its address.
            frame.replaceWith(newFrame(facade, src));
        } else if (frame) {
            frame.src = src;
        } else {
            var stage = facade.querySelector("[data-video-stage]") || facade;
            stage.replaceChildren(newFrame(facade, src));
        }
        facade.setAttribute("data-loaded", "true");
    }

    function facadeFor(element) {
        var section = element.closest("section, .entry, article, body");
        return section ? section.querySelector("[data-video-facade]") : null;
    }

    function loadAll() {
        var waiting = document.querySelectorAll("[data-video-facade]:not([data-loaded])");
        waiting.forEach(function (facade) {
            loadPlayer(facade, facade.getAttribute("data-embed-src"));
        });
    }

    document.addEventListener("click", function (event) {
        // A video block in a page body (cms/templates/blocks/embed.html) waits in a consent
        // <template> that consent.js puts in the page on "Load the video". That click already
        // asked for this video, so its player loads at once rather than showing a second
        // button. consent.js swaps the template in its own listener, which runs after this
        // one: look for the facade once this click has been handled.
        var consentLoad = event.target.closest("[data-consent-load]");
        var holder = consentLoad && consentLoad.closest("[data-consent-holder]");
        if (holder) {
            window.setTimeout(function () {
                var waiting = holder.querySelectorAll("[data-video-facade]:not([data-loaded])");
                waiting.forEach(function (facade) {
                    loadPlayer(facade, facade.getAttribute("data-play-src") ||
                               facade.getAttribute("data-embed-src"));
                });
            }, 0);
            return;
        }
        var play = event.target.closest("[data-video-play]");
        if (play) {
            var facade = play.closest("[data-video-facade]");
            if (facade) {
                event.preventDefault();
                loadPlayer(facade, facade.getAttribute("data-play-src") ||
                           facade.getAttribute("data-embed-src"));
                // The play button is gone: focus goes into the player that replaced it, not
                // back to <body> at the top of the page.
                var player = facade.querySelector("iframe[data-video-frame]");
                if (player) {
                    player.focus();
                }
            }
            return;
        }
        var seek = event.target.closest("[data-video-seek]");
        if (seek) {
            var target = facadeFor(seek);
            if (target) {
                event.preventDefault();
                // YouTube reloads at the chapter's start (start= in the query); a loaded Vimeo
                // player is told to seek (see loadPlayer).
                loadPlayer(target, seek.getAttribute("data-play-src"),
                           seek.getAttribute("data-video-seek"));
                target.scrollIntoView({behavior: "smooth", block: "center"});
            }
        }
    });

    document.addEventListener("jcmi:consent", function (event) {
        var categories = (event.detail && event.detail.categories) || [];
        if (categories.indexOf("video") !== -1) {
            loadAll();
        }
    });

    // In-page search of the transcript: hides paragraphs that do not contain the words.
    document.querySelectorAll("[data-transcript]").forEach(function (transcript) {
        var section = transcript.closest("section");
        var label = section && section.querySelector("[data-transcript-search]");
        var input = label && label.querySelector("[data-transcript-input]");
        if (!input) {
            return;
        }
        label.hidden = false;
        input.addEventListener("input", function () {
            var needle = input.value.trim().toLowerCase();
            transcript.querySelectorAll("p").forEach(function (paragraph) {
                var text = paragraph.textContent.toLowerCase();
                paragraph.hidden = needle !== "" && text.indexOf(needle) === -1;
            });
        });
    });

    // After consent.js has put the facades waiting in consent templates in the page: its
    // DOMContentLoaded listener was added first (both scripts are deferred, consent.js first).
    function loadIfConsented() {
        if (hasVideoConsent()) {
            loadAll();
        }
    }

    // A deferred script runs while readyState is already "interactive" but before
    // DOMContentLoaded, so only a page that has finished loading is handled at once.
    if (document.readyState === "complete") {
        loadIfConsented();
    } else {
        document.addEventListener("DOMContentLoaded", loadIfConsented);
    }
})();
