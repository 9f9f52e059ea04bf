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

    function loadPlayer(facade, src) {
        if (!src) {
            return;
        }
        var frame = facade.querySelector("iframe[data-video-frame]");
        if (!frame) {
            frame = document.createElement("iframe");
            frame.setAttribute("data-video-frame", "");
            frame.className = "video-facade__frame";
            frame.title = facade.getAttribute("data-title") || facade.getAttribute("data-provider") || "";
            frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
            frame.allowFullscreen = true;
            frame.referrerPolicy = "strict-origin-when-cross-origin";
            var stage = facade.querySelector("[data-video-stage]") || facade;
            stage.replaceChildren(frame);
        }
        frame.src = src;
        facade.setAttribute("data-loaded", "true");
    }

    function facadeFor(element) {
        var section = element.closest("section, .entry, article, body");
        return section ? section.querySelector("[data-video-facade]") : null;
    }

    function loadAll() {
        document.querySelectorAll("[data-video-facade]:not([data-loaded])").forEach(function (facade) {
            loadPlayer(facade, facade.getAttribute("data-embed-src"));
        });
    }

    document.addEventListener("click", function (event) {
        var play = event.target.closest("[data-video-play]");
        if (play) {
            var facade = play.closest("[data-video-facade]");
            if (facade) {
                event.preventDefault();
                loadPlayer(facade, facade.getAttribute("data-play-src") || facade.getAttribute("data-embed-src"));
            }
            return;
        }
        var seek = event.target.closest("[data-video-seek]");
        if (seek) {
            var target = facadeFor(seek);
            if (target) {
                event.preventDefault();
                // Reloading the player at the chapter's start works for both hosts without their APIs.
                loadPlayer(target, seek.getAttribute("data-play-src"));
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
                paragraph.hidden = needle !== "" && paragraph.textContent.toLowerCase().indexOf(needle) === -1;
            });
        });
    });

    if (hasVideoConsent()) {
        loadAll();
    }
})();
