/* bichig default theme: wheel scrolling on vertical (vertical-lr) pages.
 *
 * A vertical-lr page is laid out in columns from left to right and scrolls
 * sideways, but Chromium does not turn a vertical mouse wheel into sideways
 * scrolling there. This maps the wheel's vertical movement (deltaY) to
 * horizontal scrolling of the page. It only acts when the wheel moves
 * vertically alone (trackpads that scroll sideways already work), when no
 * modifier key is held (Ctrl+wheel zooms), when the pointer is not over
 * something that scrolls vertically itself (a tall table, a code block), and
 * when the page can still move in that direction; otherwise the browser does
 * what it always does. The page works the same without this script.
 */
(function () {
  "use strict";

  var root = document.scrollingElement || document.documentElement;
  if (!root || !window.addEventListener) {
    return;
  }

  // Pixels per wheel unit for deltaMode LINE (1) and PAGE (2).
  function pixels(e) {
    if (e.deltaMode === 1) {
      return e.deltaY * 16;
    }
    if (e.deltaMode === 2) {
      return e.deltaY * window.innerWidth * 0.9;
    }
    return e.deltaY;
  }

  // True when an element between the target and the page can scroll
  // vertically in the direction of the wheel: leave the wheel to it.
  function innerScroller(node, dy) {
    for (var el = node; el && el !== root && el !== document.body; el = el.parentElement) {
      if (el.nodeType !== 1 || el.scrollHeight <= el.clientHeight + 1) {
        continue;
      }
      var oy = window.getComputedStyle(el).overflowY;
      if (oy !== "auto" && oy !== "scroll") {
        continue;
      }
      if (dy < 0 ? el.scrollTop > 0 : el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
        return true;
      }
    }
    return false;
  }

  window.addEventListener(
    "wheel",
    function (e) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) {
        return;
      }
      if (e.deltaY === 0 || Math.abs(e.deltaX) > Math.abs(e.deltaY) * 0.1) {
        return;
      }
      var max = root.scrollWidth - root.clientWidth;
      if (max <= 0) {
        return;
      }
      var dx = pixels(e);
      var left = root.scrollLeft;
      if ((dx < 0 && left <= 0) || (dx > 0 && left >= max - 1)) {
        return;
      }
      if (innerScroller(e.target, dx)) {
        return;
      }
      e.preventDefault();
      window.scrollBy({ left: dx, top: 0, behavior: "auto" });
    },
    { passive: false }
  );
})();
