/* Dropout Scaling Explorer, for host pages: keeps each embedded iframe as tall as its content. */
(function () {
  if (window.dropoutExplorerHost) return;
  window.dropoutExplorerHost = true;
  // Only frames of this explorer are resized: those served from the origin this script came from,
  // or marked data-dropout-explorer by the snippet. A message must come from the frame's own
  // origin, so another site's iframe on the host page cannot set its own height.
  var script = document.currentScript;
  var explorerOrigin;
  try {
    explorerOrigin = new URL(script && script.src ? script.src : window.location.href, window.location.href).origin;
  } catch {
    explorerOrigin = window.location.origin;
  }
  function originOf(src) {
    try {
      return new URL(src, window.location.href).origin;
    } catch {
      return null;
    }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'dropout-explorer:height' || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height < 100000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin = originOf(frame.src);
      var ours = origin === explorerOrigin || frame.hasAttribute('data-dropout-explorer');
      if (ours && origin !== null && origin === event.origin) frame.style.height = Math.ceil(data.height) + 'px';
    }
  });
})();
